package io.proposalflow.proposal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

/**
 * A focus group's project proposal and its life (see {@link Lifecycle} for the states and
 * {@link Action} for what is allowed in each).
 *
 * <p>Every change appends a {@link HistoryEntry} and the events that announce it to
 * {@link #pendingEvents()}; the persistence edge saves state and events in one write. Events carry
 * the version the proposal will have once that write succeeded, so consumers can order them.
 */
public final class Proposal {

    public static final String REVIEW_SERVICE = "review-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";

    private final UUID id;
    private final Long version;
    private ProposalContent content;
    private String contact;
    private ProposalStatus status;
    private int round;
    private FundingApplication funding;
    private final List<HistoryEntry> history;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant firstSubmittedAt;
    private Instant decidedAt;
    private ReviewOutcome decision;
    private final List<ReviewFeedback> reviewFeedback;
    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    private Proposal(UUID id, Long version, ProposalState s) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.content = Objects.requireNonNull(s.content());
        this.contact = s.contact();
        this.status = Objects.requireNonNull(s.status());
        this.round = s.round();
        this.funding = s.funding();
        this.history = new ArrayList<>(s.history());
        this.createdBy = s.createdBy();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.firstSubmittedAt = s.firstSubmittedAt();
        this.decidedAt = s.decidedAt();
        this.decision = s.decision();
        this.reviewFeedback = new ArrayList<>(s.reviewFeedback());
    }

    /**
     * The proposal as stored.
     *
     * @param version the stored version, null before the first save
     */
    public static Proposal restore(UUID id, Long version, ProposalState state) {
        return new Proposal(id, version, state);
    }

    /** A new draft of {@code by}'s focus group. */
    public static Proposal draft(UUID id, ProposalContent content, String contact, String by, Instant at) {
        Proposal proposal = new Proposal(id, null, new ProposalState(content, contact, ProposalStatus.DRAFT, 0, null,
                List.of(), by, at, at, null, null, null, List.of()));
        proposal.history.add(new HistoryEntry(at, by, HistoryKind.DRAFTED, null, ProposalStatus.DRAFT, null));
        // no event: a draft is the focus group's own business, no other service acts on it (ADR 21)
        return proposal;
    }

    /**
     * Changes the content of a draft, or of a proposal sent back for changes. The Themenfeld is fixed:
     * it decides which focus group owns the proposal. Edits publish no event (the contract has none);
     * the content travels with the next submission.
     */
    public void edit(ProposalContent newContent, String newContact, String by, Instant at) {
        require(Action.EDIT);
        if (newContent.themenfeld() != content.themenfeld()) {
            throw new ThemenfeldChangeException(content.themenfeld());
        }
        content = newContent;
        contact = newContact;
        record(at, by, HistoryKind.EDITED, null);
    }

    public void submit(String by, Instant at) {
        require(Action.SUBMIT);
        round = 1;
        firstSubmittedAt = at;
        pendingEvents.add(new ProposalSubmitted(id, nextVersion(), content, by));
        moveTo(ProposalStatus.SUBMITTED, by, at, HistoryKind.SUBMITTED, null);
    }

    /** Sends the revised content into a new review round. */
    public void resubmit(String by, Instant at) {
        require(Action.RESUBMIT);
        round++;
        pendingEvents.add(new ProposalResubmitted(id, nextVersion(), round, content, by));
        moveTo(ProposalStatus.SUBMITTED, by, at, HistoryKind.RESUBMITTED, "Runde " + round);
    }

    public void withdraw(String reason, String by, Instant at) {
        require(Action.WITHDRAW);
        pendingEvents.add(new ProposalWithdrawn(id, nextVersion(), status, reason, by));
        moveTo(ProposalStatus.WITHDRAWN, by, at, HistoryKind.WITHDRAWN, reason);
    }

    /** review-service opened the review of {@code reviewRound}. */
    public ReviewEffect openReview(int reviewRound, Instant at) {
        if (reviewRound != round || !Action.OPEN_REVIEW.allowedIn(status)) {
            return ReviewEffect.IGNORED;
        }
        moveTo(ProposalStatus.IN_REVIEW, REVIEW_SERVICE, at, HistoryKind.REVIEW_OPENED, "Runde " + round);
        return ReviewEffect.APPLIED;
    }

    /**
     * review-service concluded the review of {@code reviewRound}. A completion that overtook its
     * "opened" event (still SUBMITTED, same round) passes through IN_REVIEW, as the lifecycle draws it.
     * The reviewers' comments are kept for the focus group without the reviewers' ids: what reviewers
     * ask for reaches the group, never who asked (docs/architecture.md).
     */
    public ReviewEffect completeReview(int reviewRound, ReviewOutcome outcome, List<ReviewComment> comments,
            Instant at) {
        if (reviewRound != round) {
            return ReviewEffect.IGNORED;
        }
        if (status == ProposalStatus.SUBMITTED) {
            moveTo(ProposalStatus.IN_REVIEW, REVIEW_SERVICE, at, HistoryKind.REVIEW_OPENED, "Runde " + round);
        }
        if (!Action.COMPLETE_REVIEW.allowedIn(status)) {
            return ReviewEffect.IGNORED;
        }
        if (outcome != ReviewOutcome.CHANGES_REQUESTED) {
            decision = outcome;
            decidedAt = at;
        }
        List<String> texts = comments.stream()
                .map(ReviewComment::comment)
                .filter(text -> text != null && !text.isBlank())
                .map(String::trim)
                .toList();
        reviewFeedback.add(new ReviewFeedback(round, outcome, texts, at));
        moveTo(statusAfter(outcome), REVIEW_SERVICE, at, HistoryKind.REVIEW_COMPLETED,
                reviewNote(outcome, comments, texts));
        return ReviewEffect.APPLIED;
    }

    /**
     * Records the latest state of the funding application. The first report moves an approved proposal
     * to FUNDING_APPLIED; a grant or a denial ends its life (a first report that is already a decision
     * passes through FUNDING_APPLIED, as the lifecycle draws it).
     */
    public void updateFunding(FundingApplication application, String by, Instant at) {
        require(Action.UPDATE_FUNDING);
        funding = application;
        pendingEvents.add(new FundingApplicationUpdated(id, nextVersion(), application.programme(),
                application.stage(), application.requestedAmountEur(), application.grantedAmountEur(),
                application.stageDate(), application.note()));
        String note = application.programme() + ": " + application.stage()
                + (application.note() == null ? "" : " – " + application.note());
        if (status == ProposalStatus.APPROVED) {
            moveTo(ProposalStatus.FUNDING_APPLIED, by, at, HistoryKind.FUNDING_UPDATED, note);
        } else if (!application.decided()) {
            record(at, by, HistoryKind.FUNDING_UPDATED, note);
        }
        if (application.stage() == FundingStage.GRANTED) {
            moveTo(ProposalStatus.FUNDED, by, at, HistoryKind.FUNDING_UPDATED, note);
        } else if (application.stage() == FundingStage.DENIED) {
            moveTo(ProposalStatus.FUNDING_DENIED, by, at, HistoryKind.FUNDING_UPDATED, note);
        }
    }

    public boolean isOwnedBy(Themenfeld focusGroup) {
        return focusGroup != null && focusGroup == content.themenfeld();
    }

    public List<Action> allowedActions() {
        return Action.userActionsIn(status);
    }

    private static ProposalStatus statusAfter(ReviewOutcome outcome) {
        switch (outcome) {
            case APPROVED:
                return ProposalStatus.APPROVED;
            case REJECTED:
                return ProposalStatus.REJECTED;
            default:
                return ProposalStatus.CHANGES_REQUESTED;
        }
    }

    /**
     * "Überarbeitung erbeten (2 Gutachten: 1× befürwortet, 1× Überarbeitung erbeten). Hinweise aus der
     * Begutachtung: „…“ „…“". Built from the outcome, the decisions and the comments rather than taken
     * from review-service's summary, so the history says what the reviewers asked for, and never who.
     */
    private static String reviewNote(ReviewOutcome outcome, List<ReviewComment> comments, List<String> texts) {
        StringBuilder note = new StringBuilder(outcomeLabel(outcome));
        if (!comments.isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (ReviewDecision decision : ReviewDecision.values()) {
                long n = comments.stream().filter(c -> c.decision() == decision).count();
                if (n > 0) {
                    counts.add(n + "× " + decisionLabel(decision));
                }
            }
            note.append(" (").append(comments.size()).append(" Gutachten: ").append(String.join(", ", counts))
                    .append(')');
        }
        note.append('.');
        if (!texts.isEmpty()) {
            note.append(" Hinweise aus der Begutachtung:");
            texts.forEach(text -> note.append(" „").append(text).append('“'));
        }
        return note.toString();
    }

    private static String outcomeLabel(ReviewOutcome outcome) {
        switch (outcome) {
            case APPROVED:
                return "Befürwortet";
            case REJECTED:
                return "Abgelehnt";
            default:
                return "Überarbeitung erbeten";
        }
    }

    private static String decisionLabel(ReviewDecision decision) {
        switch (decision) {
            case APPROVE:
                return "befürwortet";
            case REJECT:
                return "abgelehnt";
            default:
                return "Überarbeitung erbeten";
        }
    }

    private void require(Action action) {
        if (!action.allowedIn(status)) {
            throw new IllegalTransitionException(status, action);
        }
    }

    private void moveTo(ProposalStatus to, String by, Instant at, HistoryKind what, String why) {
        Lifecycle.requireMove(status, to);
        ProposalStatus from = status;
        status = to;
        history.add(new HistoryEntry(at, by, what, from, to, why));
        updatedAt = at;
        // no ProposalStatusChanged: every status change is part of a step whose own event other services
        // act on (submitted, resubmitted, withdrawn, the review's, the funding report's); none reads it (ADR 21)
    }

    private void record(Instant at, String by, HistoryKind what, String note) {
        history.add(new HistoryEntry(at, by, what, null, null, note));
        updatedAt = at;
    }

    private long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    /** Events announcing the changes made since this proposal was loaded, in order. */
    public List<DomainEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** The state to store; {@link #restore} of it gives this proposal back (without pending events). */
    public ProposalState state() {
        return new ProposalState(content, contact, status, round, funding, history, createdBy, createdAt, updatedAt,
                firstSubmittedAt, decidedAt, decision, reviewFeedback);
    }

    public UUID id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public ProposalStatus status() {
        return status;
    }

    public int round() {
        return round;
    }

    public ProposalContent content() {
        return content;
    }

    public FundingApplication funding() {
        return funding;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** What the reviewers told the focus group, one entry per completed review round, oldest first. */
    public List<ReviewFeedback> reviewFeedback() {
        return List.copyOf(reviewFeedback);
    }
}
