package io.proposalflow.review.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.proposalflow.events.Themenfeld;

/** The reviewers who judge the proposals of one Themenfeld. */
public record ReviewPanel(Themenfeld themenfeld, List<Reviewer> reviewers) {

    public ReviewPanel {
        Objects.requireNonNull(themenfeld, "themenfeld");
        reviewers = List.copyOf(reviewers);
        Set<String> ids = new HashSet<>();
        for (Reviewer reviewer : reviewers) {
            if (!ids.add(reviewer.id())) {
                throw new InvalidInput("reviewers", "lists " + reviewer.id() + " twice");
            }
        }
    }

    public static ReviewPanel empty(Themenfeld themenfeld) {
        return new ReviewPanel(themenfeld, List.of());
    }

    public Optional<Reviewer> member(String reviewerId) {
        return reviewers.stream().filter(r -> r.id().equals(reviewerId)).findFirst();
    }
}
