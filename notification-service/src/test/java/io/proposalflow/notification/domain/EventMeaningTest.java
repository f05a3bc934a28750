package io.proposalflow.notification.domain;

import static io.proposalflow.notification.domain.Audience.FOCUS_GROUP;
import static io.proposalflow.notification.domain.Audience.PARTNERS;
import static io.proposalflow.notification.domain.MailKind.FUNDING_UPDATED;
import static io.proposalflow.notification.domain.MailKind.RESUBMITTED;
import static io.proposalflow.notification.domain.MailKind.REVIEW_ASSIGNED;
import static io.proposalflow.notification.domain.MailKind.REVIEW_CANCELLED;
import static io.proposalflow.notification.domain.MailKind.REVIEW_COMPLETED;
import static io.proposalflow.notification.domain.MailKind.SUBMITTED;
import static io.proposalflow.notification.domain.MailKind.WITHDRAWAL_CONFIRMED;
import static io.proposalflow.notification.domain.MailKind.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewDecisionRecorded;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.EventMeaning.Mailing;

/**
 * One mail per person and step. The stories below are the events proposal- and review-service emit
 * for them, per topic in the order they publish; notification-service consumes the two topics
 * independently, so every interleaving of the two sequences is an order in which they can arrive.
 * Each story is replayed in all of them, with the planner's one dependency on order (a review event
 * waits until the proposal's own events have arrived), and every person must get exactly the mails
 * of the steps that concern them, whatever the order.
 */
class EventMeaningTest {

    private static final UUID PROPOSAL = EventSamples.NEUERKERODE_PROPOSAL_ID;
    private static final UUID CASE_1 = UUID.fromString("7a1e9c44-2d3b-4f5e-8a6b-1c2d3e4f5a01");
    private static final UUID CASE_2 = UUID.fromString("7a1e9c44-2d3b-4f5e-8a6b-1c2d3e4f5a02");
    private static final String KVHS = "rev-kvhs";
    private static final String MIGRATION = "rev-migration";
    private static final String PARTNER_NEUERKERODE = "partner:stiftung-neuerkerode";
    private static final String PARTNER_JOBCENTER = "partner:jobcenter-goslar";
    private static final String THE_FOCUS_GROUP = "focus-group";

    @Test
    void approvalAndFundingMailEachPersonOncePerStepInEveryArrivalOrder() {
        List<DomainEvent> proposalEvents = List.of(submitted(), status(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED),
                status(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW),
                status(ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED),
                funding(FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED),
                status(ProposalStatus.APPROVED, ProposalStatus.FUNDING_APPLIED),
                funding(FundingStage.GRANTED),
                status(ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED));
        List<DomainEvent> reviewEvents = reviewRound(CASE_1, 1, ReviewOutcome.APPROVED);

        Map<String, List<MailKind>> expected = Map.of(
                PARTNER_NEUERKERODE, List.of(SUBMITTED, REVIEW_COMPLETED, FUNDING_UPDATED, FUNDING_UPDATED),
                PARTNER_JOBCENTER, List.of(SUBMITTED, REVIEW_COMPLETED, FUNDING_UPDATED, FUNDING_UPDATED),
                THE_FOCUS_GROUP, List.of(SUBMITTED, REVIEW_COMPLETED, FUNDING_UPDATED, FUNDING_UPDATED),
                KVHS, List.of(REVIEW_ASSIGNED),
                MIGRATION, List.of(REVIEW_ASSIGNED));
        assertEveryArrivalOrderMails(proposalEvents, reviewEvents, expected);
    }

    @Test
    void requestForChangesAndResubmissionMailEachPersonOncePerStepInEveryArrivalOrder() {
        List<DomainEvent> proposalEvents = List.of(submitted(), status(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED),
                status(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW),
                status(ProposalStatus.IN_REVIEW, ProposalStatus.CHANGES_REQUESTED),
                resubmitted(), status(ProposalStatus.CHANGES_REQUESTED, ProposalStatus.SUBMITTED),
                status(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW),
                status(ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED));
        List<DomainEvent> reviewEvents = new ArrayList<>(reviewRound(CASE_1, 1, ReviewOutcome.CHANGES_REQUESTED));
        reviewEvents.addAll(reviewRound(CASE_2, 2, ReviewOutcome.APPROVED));

        List<MailKind> twoRounds = List.of(SUBMITTED, REVIEW_COMPLETED, RESUBMITTED, REVIEW_COMPLETED);
        Map<String, List<MailKind>> expected = Map.of(PARTNER_NEUERKERODE, twoRounds, PARTNER_JOBCENTER, twoRounds,
                THE_FOCUS_GROUP, twoRounds,
                KVHS, List.of(REVIEW_ASSIGNED, REVIEW_ASSIGNED),
                MIGRATION, List.of(REVIEW_ASSIGNED, REVIEW_ASSIGNED));
        assertEveryArrivalOrderMails(proposalEvents, reviewEvents, expected);
    }

    @Test
    void withdrawalTellsPartnersConfirmsToTheFocusGroupAndCancelsForTheReviewersInEveryArrivalOrder() {
        List<DomainEvent> proposalEvents = List.of(submitted(), status(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED),
                status(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW),
                new ProposalWithdrawn(PROPOSAL, 5, ProposalStatus.IN_REVIEW, "Träger hat abgesagt", "fg-arbeitswelt"),
                status(ProposalStatus.IN_REVIEW, ProposalStatus.WITHDRAWN));
        List<DomainEvent> reviewEvents = List.of(opened(CASE_1, 1), assigned(CASE_1),
                decision(CASE_1, KVHS, ReviewDecision.APPROVE),
                new ReviewCancelled(CASE_1, PROPOSAL, "Projektvorschlag zurückgezogen: Träger hat abgesagt"));

        Map<String, List<MailKind>> expected = Map.of(
                PARTNER_NEUERKERODE, List.of(SUBMITTED, WITHDRAWN),
                PARTNER_JOBCENTER, List.of(SUBMITTED, WITHDRAWN),
                THE_FOCUS_GROUP, List.of(SUBMITTED, WITHDRAWAL_CONFIRMED),
                KVHS, List.of(REVIEW_ASSIGNED, REVIEW_CANCELLED),
                MIGRATION, List.of(REVIEW_ASSIGNED, REVIEW_CANCELLED));
        assertEveryArrivalOrderMails(proposalEvents, reviewEvents, expected);
    }

    @Test
    void aStatusChangeNeverMailsForEveryStatusChangeBelongsToAStepWithItsOwnEvent() {
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : ProposalStatus.values()) {
                assertThat(EventMeaning.of(status(from, to)).mailings()).as("%s -> %s", from, to).isEmpty();
            }
        }
    }

    @Test
    void draftsOpeningsSingleDecisionsAndOwnNotificationEventsMailNobody() {
        for (EventType type : List.of(EventType.PROPOSAL_DRAFTED, EventType.REVIEW_OPENED,
                EventType.REVIEW_DECISION_RECORDED, EventType.NOTIFICATION_SENT, EventType.NOTIFICATION_FAILED)) {
            assertThat(EventMeaning.of(EventSamples.sample(type)).mailings()).as(type.name()).isEmpty();
        }
    }

    @Test
    void everyEventTypeHasAMeaningAndOnlyReviewEventsWaitForTheirProposal() {
        // a new type cannot reach this test without compiling: EventMeaning must handle it first
        for (EventType type : EventType.values()) {
            DomainEvent event = EventSamples.sample(type);
            EventMeaning.Meaning meaning = EventMeaning.of(event);
            assertThat(meaning.waitsForProposal()).as(type.name()).isEqualTo(event instanceof ReviewEvent);
            for (Mailing mailing : meaning.mailings()) {
                assertThat(meaning.facts(mailing.kind(), copy(List.of())).kind()).isEqualTo(mailing.kind());
            }
        }
    }

    @Test
    void reminderAndOverdueGoOnlyToThatReviewer() {
        Audience thatReviewer = Audience.reviewers(List.of(EventSamples.REVIEWER_VOLUNTEERING));
        assertThat(EventMeaning.of(EventSamples.sample(EventType.REVIEW_REMINDER_DUE)).mailings())
                .containsExactly(new Mailing(thatReviewer, MailKind.REVIEW_REMINDER));
        assertThat(EventMeaning.of(EventSamples.sample(EventType.REVIEW_OVERDUE)).mailings())
                .containsExactly(new Mailing(thatReviewer, MailKind.REVIEW_OVERDUE));
    }

    @Test
    void theReviewsOutcomeGoesToFocusGroupAndPartnersWithTheCommentsButWithoutWhoWroteThem() {
        ReviewCompleted completed = completed(CASE_1, 1, ReviewOutcome.CHANGES_REQUESTED);
        assertThat(EventMeaning.of(completed).mailings()).containsExactlyInAnyOrder(
                new Mailing(PARTNERS, REVIEW_COMPLETED), new Mailing(FOCUS_GROUP, REVIEW_COMPLETED));

        MailFacts facts = EventMeaning.of(completed).facts(REVIEW_COMPLETED, copy(List.of()));

        assertThat(facts.reviewerComments()).containsExactly("Bitte Kinderbetreuung in den Randzeiten klären.");
        assertThat(facts.tally()).isEqualTo(new MailFacts.ReviewTally(1, 1, 0));
        assertThat(facts.status()).isEqualTo(ProposalStatus.CHANGES_REQUESTED);
        assertThat(facts.toString()).doesNotContain(KVHS, MIGRATION);
    }

    @Test
    void aFundingReportNamesTheStatusItCauses() {
        assertThat(EventMeaning.of(funding(FundingStage.GRANTED)).facts(FUNDING_UPDATED, copy(List.of())).status())
                .isEqualTo(ProposalStatus.FUNDED);
        assertThat(EventMeaning.of(funding(FundingStage.DENIED)).facts(FUNDING_UPDATED, copy(List.of())).status())
                .isEqualTo(ProposalStatus.FUNDING_DENIED);
        assertThat(EventMeaning.of(funding(FundingStage.PLANNED)).facts(FUNDING_UPDATED, copy(List.of())).status())
                .isEqualTo(ProposalStatus.FUNDING_APPLIED);
    }

    // --- replaying a story in every arrival order ---

    private static void assertEveryArrivalOrderMails(List<DomainEvent> proposalEvents, List<DomainEvent> reviewEvents,
            Map<String, List<MailKind>> expected) {
        Map<String, List<MailKind>> sorted = sortedCopy(expected);
        int[] orders = {0};
        forEachInterleaving(proposalEvents, reviewEvents, new ArrayList<>(), 0, 0, arrival -> {
            orders[0]++;
            assertThat(sortedCopy(replay(arrival))).as("mails when the events arrive as %s", names(arrival))
                    .isEqualTo(sorted);
        });
        assertThat(orders[0]).as("arrival orders replayed").isGreaterThan(1);
    }

    /**
     * What notification-service plans when the events arrive in this order: its proposal copy learns
     * the content from the proposal's events and the reviewers of each case from the review events; a
     * review event that arrives before the proposal's content waits (the container retries it) until it
     * has, as NotificationPlanner does.
     */
    private static Map<String, List<MailKind>> replay(List<DomainEvent> arrival) {
        Map<String, List<MailKind>> mails = new HashMap<>();
        Map<UUID, List<String>> reviewersByCase = new HashMap<>();
        boolean[] contentKnown = {false};
        Deque<DomainEvent> waiting = new ArrayDeque<>();
        for (DomainEvent event : arrival) {
            if (!waiting.isEmpty() && event instanceof ReviewEvent) {
                waiting.add(event); // the review topic's partition is held by the waiting event
                continue;
            }
            plan(event, contentKnown, reviewersByCase, mails, waiting);
            while (contentKnown[0] && !waiting.isEmpty()) {
                plan(waiting.poll(), contentKnown, reviewersByCase, mails, waiting);
            }
        }
        assertThat(waiting).as("events still waiting at the end").isEmpty();
        return mails;
    }

    private static void plan(DomainEvent event, boolean[] contentKnown, Map<UUID, List<String>> reviewersByCase,
            Map<String, List<MailKind>> mails, Deque<DomainEvent> waiting) {
        EventMeaning.Meaning meaning = EventMeaning.of(event);
        // the copy is changed first, as the planner does
        if (meaning.copy() instanceof CopyChange.ProposalSeen seen && seen.carriesContent()) {
            contentKnown[0] = true;
        }
        if (meaning.copy() instanceof CopyChange.ReviewersAdded added) {
            reviewersByCase.computeIfAbsent(UUID.fromString(added.reviewCaseId()), id -> new ArrayList<>())
                    .addAll(added.reviewerIds());
        }
        List<Mailing> mailings = meaning.mailings();
        if (mailings.isEmpty()) {
            return;
        }
        if (!contentKnown[0]) {
            assertThat(meaning.waitsForProposal()).as("only review events can overtake the proposal's content")
                    .isTrue();
            assertThat(event).isInstanceOf(ReviewEvent.class);
            waiting.addFirst(event);
            return;
        }
        List<String> caseReviewers = event instanceof ReviewEvent review
                ? reviewersByCase.getOrDefault(review.reviewCaseId(), List.of()) : List.of();
        for (Mailing mailing : mailings) {
            Set<String> recipients = new HashSet<>();
            Audience audience = mailing.audience();
            if (audience instanceof Audience.Partners) {
                recipients.addAll(List.of(PARTNER_NEUERKERODE, PARTNER_JOBCENTER));
            } else if (audience instanceof Audience.FocusGroup) {
                recipients.add(THE_FOCUS_GROUP);
            } else if (audience instanceof Audience.Reviewers named) {
                recipients.addAll(named.reviewerIds());
            } else {
                recipients.addAll(caseReviewers);
            }
            // the facts must be buildable for every mailing the rules plan
            meaning.facts(mailing.kind(), copy(caseReviewers));
            recipients.forEach(r -> mails.computeIfAbsent(r, k -> new ArrayList<>()).add(mailing.kind()));
        }
    }

    private interface ArrivalCheck {
        void check(List<DomainEvent> arrival);
    }

    private static void forEachInterleaving(List<DomainEvent> a, List<DomainEvent> b, List<DomainEvent> prefix,
            int i, int j, ArrivalCheck check) {
        if (i == a.size() && j == b.size()) {
            check.check(prefix);
            return;
        }
        if (i < a.size()) {
            prefix.add(a.get(i));
            forEachInterleaving(a, b, prefix, i + 1, j, check);
            prefix.remove(prefix.size() - 1);
        }
        if (j < b.size()) {
            prefix.add(b.get(j));
            forEachInterleaving(a, b, prefix, i, j + 1, check);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static Map<String, List<MailKind>> sortedCopy(Map<String, List<MailKind>> mails) {
        Map<String, List<MailKind>> sorted = new HashMap<>();
        mails.forEach((who, kinds) -> sorted.put(who, kinds.stream().sorted().toList()));
        return sorted;
    }

    private static List<String> names(List<DomainEvent> events) {
        return events.stream().map(e -> e instanceof ProposalStatusChanged s ? "StatusChanged(" + s.to() + ")"
                : e.getClass().getSimpleName()).toList();
    }

    // --- the events of the stories, as the services emit them, with the status changes and single decisions
    // that earlier versions also emitted (ADR 21): a topic may still hold them, and they must change nothing ---

    private static List<DomainEvent> reviewRound(UUID reviewCase, int round, ReviewOutcome outcome) {
        ReviewDecision second = switch (outcome) {
            case APPROVED -> ReviewDecision.APPROVE;
            case REJECTED -> ReviewDecision.REJECT;
            case CHANGES_REQUESTED -> ReviewDecision.REQUEST_CHANGES;
        };
        return List.of(opened(reviewCase, round), assigned(reviewCase),
                decision(reviewCase, KVHS, ReviewDecision.APPROVE), decision(reviewCase, MIGRATION, second),
                completed(reviewCase, round, outcome));
    }

    private static ProposalContent content() {
        return new ProposalContent(EventSamples.NEUERKERODE_TITLE, "Teilzeitausbildung mit Kinderbetreuung",
                Themenfeld.WORK_ECONOMY, List.of("12 Ausbildungsplätze"), List.of("Alleinerziehende Mütter"),
                List.of(new PartnerRef("stiftung-neuerkerode", "Stiftung Neuerkerode", "Träger"),
                        new PartnerRef("jobcenter-goslar", "Jobcenter Goslar", "Förderung")),
                new BigDecimal("185000.00"), LocalDate.of(2027, 2, 1), LocalDate.of(2028, 1, 31), null);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted(PROPOSAL, 2, content(), "fg-arbeitswelt");
    }

    private static ProposalResubmitted resubmitted() {
        return new ProposalResubmitted(PROPOSAL, 6, 2, content(), "fg-arbeitswelt");
    }

    private static ProposalStatusChanged status(ProposalStatus from, ProposalStatus to) {
        return new ProposalStatusChanged(PROPOSAL, 3, Themenfeld.WORK_ECONOMY, EventSamples.NEUERKERODE_TITLE, from, to,
                null);
    }

    private static FundingApplicationUpdated funding(FundingStage stage) {
        return new FundingApplicationUpdated(PROPOSAL, 7, "ESF Plus", stage, new BigDecimal("185000.00"),
                stage == FundingStage.GRANTED ? new BigDecimal("180000.00") : null, LocalDate.of(2027, 1, 15), null);
    }

    private static ReviewOpened opened(UUID reviewCase, int round) {
        return new ReviewOpened(reviewCase, PROPOSAL, round, Themenfeld.WORK_ECONOMY,
                Instant.parse("2027-01-31T23:00:00Z"));
    }

    private static ReviewersAssigned assigned(UUID reviewCase) {
        return new ReviewersAssigned(reviewCase, PROPOSAL, List.of(KVHS, MIGRATION), false);
    }

    private static ReviewDecisionRecorded decision(UUID reviewCase, String reviewer, ReviewDecision decision) {
        return new ReviewDecisionRecorded(reviewCase, PROPOSAL, reviewer, decision, new Scores(4, 4, 5, 3), false);
    }

    private static ReviewCompleted completed(UUID reviewCase, int round, ReviewOutcome outcome) {
        ReviewDecision second = outcome == ReviewOutcome.CHANGES_REQUESTED ? ReviewDecision.REQUEST_CHANGES
                : outcome == ReviewOutcome.REJECTED ? ReviewDecision.REJECT : ReviewDecision.APPROVE;
        return new ReviewCompleted(reviewCase, PROPOSAL, round, outcome, null,
                List.of(new ReviewComment(KVHS, ReviewDecision.APPROVE, "  "),
                        new ReviewComment(MIGRATION, second, "Bitte Kinderbetreuung in den Randzeiten klären.")),
                "2 Gutachten");
    }

    private static ProposalSnapshot copy(List<String> reviewers) {
        return new ProposalSnapshot(PROPOSAL.toString(), EventSamples.NEUERKERODE_TITLE, Themenfeld.WORK_ECONOMY,
                List.of("stiftung-neuerkerode", "jobcenter-goslar"), Instant.parse("2027-01-31T23:00:00Z"), reviewers);
    }
}
