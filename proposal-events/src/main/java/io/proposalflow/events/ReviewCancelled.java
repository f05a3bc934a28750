package io.proposalflow.events;

import java.util.UUID;

public record ReviewCancelled(UUID reviewCaseId, UUID proposalId, String reason) implements ReviewEvent {
}
