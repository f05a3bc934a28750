package io.proposalflow.proposal.domain;

import io.proposalflow.events.Themenfeld;

/** The Themenfeld decides which focus group owns a proposal, so it cannot change after drafting. */
public class ThemenfeldChangeException extends RuntimeException {

    private final Themenfeld themenfeld;

    public ThemenfeldChangeException(Themenfeld themenfeld) {
        super("The Themenfeld of a proposal cannot be changed (it is " + themenfeld
                + "); withdraw it and draft a new one in the other Themenfeld.");
        this.themenfeld = themenfeld;
    }

    public Themenfeld themenfeld() {
        return themenfeld;
    }
}
