package io.proposalflow.proposal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

/** Proposals in every state, reached the way the lifecycle allows. */
public final class Proposals {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final String FOCUS_GROUP_USER = "fg-arbeitswelt";

    private Proposals() {
    }

    public static ProposalContent content() {
        return new ProposalContent("Pflegeausbildung für alleinerziehende Migrantinnen öffnen",
                "Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung, mit Kinderbetreuung.",
                Themenfeld.WORK_ECONOMY, List.of("10 Ausbildungsplätze"), List.of("alleinerziehende Migrantinnen"),
                List.of(new PartnerRef("stiftung-neuerkerode", "Stiftung Neuerkerode", "Träger")),
                new BigDecimal("48000.00"), LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), "ESF Plus");
    }

    public static Proposal draft() {
        return Proposal.draft(UUID.randomUUID(), content(), "Fokusgruppe Arbeitswelt & Wirtschaft", FOCUS_GROUP_USER, T0);
    }

    public static FundingApplication funding(FundingStage stage) {
        return new FundingApplication("ESF Plus", stage, new BigDecimal("48000.00"),
                stage == FundingStage.GRANTED ? new BigDecimal("45000.00") : null, LocalDate.of(2026, 6, 1), null);
    }

    /** One reviewer's decision with a comment, as review-service reports it (reviewer {@code rev-jobcenter}). */
    public static List<ReviewComment> comments(ReviewDecision decision, String comment) {
        return List.of(new ReviewComment("rev-jobcenter", decision, comment));
    }

    /** A proposal in {@code status}, reached by the shortest allowed path. */
    public static Proposal in(ProposalStatus status) {
        Proposal p = draft();
        switch (status) {
            case DRAFT:
                return p;
            case WITHDRAWN:
                p.withdraw("nicht mehr nötig", FOCUS_GROUP_USER, T0);
                return p;
            default:
                break;
        }
        p.submit(FOCUS_GROUP_USER, T0);
        if (status == ProposalStatus.SUBMITTED) {
            return p;
        }
        p.openReview(1, T0);
        switch (status) {
            case IN_REVIEW:
                return p;
            case REJECTED:
                p.completeReview(1, ReviewOutcome.REJECTED, comments(ReviewDecision.REJECT, "kein Bedarf"), T0);
                return p;
            case CHANGES_REQUESTED:
                p.completeReview(1, ReviewOutcome.CHANGES_REQUESTED,
                        comments(ReviewDecision.REQUEST_CHANGES, "Betreuung klären"), T0);
                return p;
            default:
                break;
        }
        p.completeReview(1, ReviewOutcome.APPROVED, comments(ReviewDecision.APPROVE, "gut"), T0);
        switch (status) {
            case APPROVED:
                return p;
            case FUNDING_APPLIED:
                p.updateFunding(funding(FundingStage.APPLICATION_SUBMITTED), "koordination", T0);
                return p;
            case FUNDED:
                p.updateFunding(funding(FundingStage.GRANTED), "koordination", T0);
                return p;
            case FUNDING_DENIED:
                p.updateFunding(funding(FundingStage.DENIED), "koordination", T0);
                return p;
            default:
                throw new IllegalArgumentException(status.name());
        }
    }

    /** As stored and loaded again: no pending events, a version. */
    public static Proposal saved(Proposal p) {
        return Proposal.restore(p.id(), p.version() == null ? 0L : p.version() + 1, p.state());
    }
}
