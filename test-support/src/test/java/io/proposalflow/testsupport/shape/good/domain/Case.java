package io.proposalflow.testsupport.shape.good.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.Themenfeld;

/** A well-shaped aggregate: plain Java and the wire records only. */
public record Case(String id, Themenfeld themenfeld, int[] scores, List<String> notes, Instant openedAt) {

    public Case close(Instant at) {
        if (at.isBefore(openedAt)) {
            throw new CaseRefused("closed before it was opened");
        }
        return new Case(id, themenfeld, scores.clone(), notes, openedAt);
    }
}
