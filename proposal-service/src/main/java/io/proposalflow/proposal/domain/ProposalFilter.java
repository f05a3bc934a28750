package io.proposalflow.proposal.domain;

import java.time.Instant;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.Themenfeld;

/**
 * Which proposals a list shows; every part null for all.
 *
 * @param text         free text matched case-insensitively in title and summary, or a short reference
 *                     ({@code PV-1A2B3C4D}) matched against the start of the id
 * @param changedSince only proposals changed at or after this instant
 */
public record ProposalFilter(ProposalStatus status, Themenfeld themenfeld, String fundingProgramme, String text,
        Instant changedSince) {

    /** The same filter narrowed to one Themenfeld. */
    public ProposalFilter inThemenfeld(Themenfeld only) {
        return new ProposalFilter(status, only, fundingProgramme, text, changedSince);
    }
}
