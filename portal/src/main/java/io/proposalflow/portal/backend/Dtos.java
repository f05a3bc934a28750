package io.proposalflow.portal.backend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;

/**
 * The services' answers as the portal reads them: only the fields pages show. Unknown fields are
 * ignored (Jackson 3's default), so a service may add fields without breaking the portal.
 */
public final class Dtos {

    private Dtos() {
    }

    /** The paged list every service answers with. */
    public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }

    /** @param reference the short reference people quote in mails and on the phone, e.g. PV-1A2B3C4D */
    public record Proposal(UUID id, String reference, long version, ProposalStatus status, int round, String title, String summary,
            Themenfeld themenfeld, String themenfeldLabel, List<String> goals, List<String> targetGroups,
            List<PartnerRef> partners, BigDecimal requestedBudgetEur, LocalDate plannedStart, LocalDate plannedEnd,
            String fundingProgramme, String contact, FundingApplication fundingApplication, String createdBy,
            Instant createdAt, Instant updatedAt, List<String> allowedActions, List<ReviewFeedback> reviewFeedback) {

        public boolean allows(String action) {
            return allowedActions != null && allowedActions.contains(action);
        }

        public List<ReviewFeedback> feedback() {
            return reviewFeedback == null ? List.of() : reviewFeedback;
        }
    }

    public record FundingApplication(String programme, FundingStage stage, BigDecimal requestedAmountEur,
            BigDecimal grantedAmountEur, LocalDate stageDate, String note) {
    }

    /** What the reviewers of one round told the focus group, without their names (issue 12's contract). */
    public record ReviewFeedback(int round, ReviewOutcome outcome, List<String> comments, Instant completedAt) {
    }

    public record HistoryEntry(Instant at, String actor, String what, ProposalStatus from, ProposalStatus to,
            String note) {
    }

    /**
     * The key figures; a suppressed figure (fewer than {@code threshold} proposals, or one that would let
     * such a count be recomputed) has no value (proposal-service's SmallCellSuppression, ADR 18).
     */
    public record KeyFigures(LocalDate from, LocalDate to, int threshold, Count proposals,
            Map<Themenfeld, Map<ProposalStatus, Count>> countsByThemenfeld, Map<Themenfeld, Count> totalsByThemenfeld,
            Map<ProposalStatus, Count> totalsByStatus, Count decided, Count approved, Figure approvalRate,
            Figure medianDaysToDecision, List<ProgrammeFunding> fundingByProgramme) {

        public Count countOf(Themenfeld themenfeld) {
            return totalsByThemenfeld == null ? Count.NONE : totalsByThemenfeld.getOrDefault(themenfeld, Count.NONE);
        }

        public Count countOf(ProposalStatus status) {
            return totalsByStatus == null ? Count.NONE : totalsByStatus.getOrDefault(status, Count.NONE);
        }

        /** Whether any figure on the page is suppressed, so the page explains what that means. */
        public boolean anySuppressed() {
            return proposals.suppressed() || decided.suppressed() || approved.suppressed()
                    || approvalRate.suppressed() || medianDaysToDecision.suppressed()
                    || (totalsByThemenfeld != null && totalsByThemenfeld.values().stream().anyMatch(Count::suppressed))
                    || (totalsByStatus != null && totalsByStatus.values().stream().anyMatch(Count::suppressed))
                    || fundingByProgramme.stream().anyMatch(f -> f.applications().suppressed()
                            || f.granted().suppressed() || f.requestedEur().suppressed() || f.grantedEur().suppressed());
        }
    }

    /** A number of proposals; no value when suppressed. */
    public record Count(Long value, boolean suppressed) {

        static final Count NONE = new Count(0L, false);

        public BigDecimal decimal() {
            return value == null ? null : BigDecimal.valueOf(value);
        }
    }

    /** A share, median or amount; no value when suppressed or when there was nothing to compute it from. */
    public record Figure(BigDecimal value, boolean suppressed) {
    }

    public record ProgrammeFunding(String programme, Count applications, Count granted, Figure requestedEur,
            Figure grantedEur) {
    }

    public record ReviewCase(UUID id, UUID proposalId, int round, Themenfeld themenfeld, String themenfeldLabel,
            String status, ProposalContent proposal, Instant openedAt, Instant dueAt, List<AssignedReviewer> reviewers,
            ReviewResult result, String cancelReason) {

        public boolean isOverdue(Instant now) {
            return "OPEN".equals(status) && dueAt != null && dueAt.isBefore(now);
        }

        /** The entry of one reviewer (a reviewer only ever sees their own). */
        public AssignedReviewer reviewer(String reviewerId) {
            return reviewers == null ? null
                    : reviewers.stream().filter(r -> r.reviewerId().equals(reviewerId)).findFirst().orElse(null);
        }
    }

    public record AssignedReviewer(String reviewerId, Instant assignedAt, boolean manual, ReviewDecision decision,
            Scores scores, String comment, Instant decidedAt, Instant remindedAt, Instant overdueAt) {
    }

    /** A case's reviewers as the coordination changes them, with the version to send back as If-Match. */
    public record CaseReviewers(UUID reviewCaseId, String status, long version, List<AssignedReviewer> reviewers) {
    }

    public record ReviewResult(ReviewOutcome outcome, ScoreAverages averageScores, Instant completedAt) {
    }

    public record Panel(Themenfeld themenfeld, String label, List<PanelReviewer> reviewers) {
    }

    public record PanelReviewer(String id, String displayName, Themenfeld focusGroup, List<String> affiliations) {
    }

    public record PartnerOrganisation(String id, String name, List<Contact> contacts, LocalDate leftOn, Long version) {
    }

    /** A partner organisation as a focus group may see it: id and name, no contact person. */
    public record Organisation(String id, String name) {
    }

    public record Contact(String id, String name, String email, String language) {
    }

    public record Notification(String id, String proposalId, String proposalTitle, String kind,
            String recipientKind, String organisationName, String recipientName, String email, String language,
            String status, Instant createdAt, Instant sentAt, String lastError) {
    }
}
