package io.proposalflow.proposal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.Nullable;

/**
 * The application for money of an approved proposal, as the coordinator last reported it.
 *
 * @param grantedAmountEur only with stage {@link FundingStage#GRANTED}
 * @param stageDate        when the stage was reached, from the funding body's letters
 */
public record FundingApplication(String programme, FundingStage stage, BigDecimal requestedAmountEur,
        @Nullable BigDecimal grantedAmountEur, LocalDate stageDate, @Nullable String note) {

    public FundingApplication {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(requestedAmountEur, "requestedAmountEur");
        Objects.requireNonNull(stageDate, "stageDate");
        if ((stage == FundingStage.GRANTED) != (grantedAmountEur != null)) {
            throw new IllegalArgumentException("a granted amount belongs to stage GRANTED and only to it");
        }
    }

    /** Granted or denied: the programme has decided, the proposal's life ends here. */
    public boolean decided() {
        return stage == FundingStage.GRANTED || stage == FundingStage.DENIED;
    }
}
