package io.proposalflow.events;

import java.util.UUID;

public record ProposalWithdrawn(UUID proposalId, long version, ProposalStatus previousStatus, String reason,
        String withdrawnBy) implements ProposalEvent {
}
