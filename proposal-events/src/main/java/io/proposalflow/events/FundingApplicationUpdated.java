package io.proposalflow.events;

import com.fasterxml.jackson.annotation.JsonFormat;
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
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requestedAmountEur,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedAmountEur,
        LocalDate stageDate,
        @Nullable String note) implements ProposalEvent {
}
