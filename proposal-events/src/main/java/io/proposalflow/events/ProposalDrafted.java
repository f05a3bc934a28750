package io.proposalflow.events;

import java.util.UUID;

/** @param createdBy user id of the focus group member */
public record ProposalDrafted(UUID proposalId, long version, Themenfeld themenfeld, String title, String createdBy)
        implements ProposalEvent {
}
