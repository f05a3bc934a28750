package io.proposalflow.events;

public enum FundingStage {
    PLANNED,
    EXPRESSION_OF_INTEREST_SUBMITTED,
    INVITED_TO_APPLY,
    APPLICATION_SUBMITTED,
    GRANTED,
    DENIED
}
