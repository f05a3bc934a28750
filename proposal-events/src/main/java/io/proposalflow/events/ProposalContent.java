package io.proposalflow.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a focus group proposes, as submitted for review.
 *
 * @param fundingProgramme not every proposal names a programme when it is submitted
 */
public record ProposalContent(
        String title,
        String summary,
        Themenfeld themenfeld,
        List<String> goals,
        List<String> targetGroups,
        List<PartnerRef> partners,
        BigDecimal requestedBudgetEur,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Nullable String fundingProgramme) {

    public ProposalContent {
        goals = List.copyOf(goals);
        targetGroups = List.copyOf(targetGroups);
        partners = List.copyOf(partners);
    }
}
