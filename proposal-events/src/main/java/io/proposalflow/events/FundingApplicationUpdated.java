package io.proposalflow.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param grantedAmountEur known only once the programme has decided
 * @param stageDate        when the stage was reached (a date from the funding body's letters, not a timestamp)
 */
public record FundingApplicationUpdated(
        UUID proposalId,
        long version,
        String programme,
        FundingStage stage,
        BigDecimal requestedAmountEur,
        @Nullable BigDecimal grantedAmountEur,
        LocalDate stageDate,
        @Nullable String note) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
