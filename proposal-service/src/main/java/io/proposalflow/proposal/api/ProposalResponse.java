package io.proposalflow.proposal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.proposal.domain.Action;
import io.proposalflow.proposal.domain.FundingApplication;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalState;
import io.proposalflow.proposal.domain.ReviewFeedback;

/**
 * A proposal as the API shows it.
 *
 * @param reference       the short reference people quote, e.g. {@code PV-1A2B3C4D} ({@link ProposalReference})
 * @param version         send it back as {@code If-Match} (also given as the ETag) to change the proposal
 * @param themenfeldLabel the German name of the Themenfeld
 * @param allowedActions  what a user may do next in the current status
 * @param reviewFeedback  per completed review round, the outcome and the reviewers' comments, without
 *                        reviewer ids or names; empty before the first review is completed
 */
public record ProposalResponse(UUID id, String reference, long version, ProposalStatus status, int round,
        String title, String summary, Themenfeld themenfeld, String themenfeldLabel, List<String> goals,
        List<String> targetGroups, List<PartnerRef> partners, BigDecimal requestedBudgetEur, LocalDate plannedStart,
        LocalDate plannedEnd, @Nullable String fundingProgramme, @Nullable String contact,
        @Nullable FundingApplication fundingApplication,
        String createdBy, Instant createdAt, Instant updatedAt, List<Action> allowedActions,
        List<ReviewFeedback> reviewFeedback) {

    static ProposalResponse of(Proposal proposal) {
        ProposalState s = proposal.state();
        ProposalContent c = s.content();
        return new ProposalResponse(proposal.id(), ProposalReference.of(proposal.id()),
                proposal.version() == null ? 0 : proposal.version(),
                s.status(), s.round(), c.title(), c.summary(), c.themenfeld(), c.themenfeld().label(), c.goals(),
                c.targetGroups(), c.partners(), c.requestedBudgetEur(), c.plannedStart(), c.plannedEnd(),
                c.fundingProgramme(), s.contact(), s.funding(), s.createdBy(), s.createdAt(), s.updatedAt(),
                Action.userActionsIn(s.status()), s.reviewFeedback());
    }
}
