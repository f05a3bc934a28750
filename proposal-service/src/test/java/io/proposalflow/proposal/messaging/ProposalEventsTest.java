package io.proposalflow.proposal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.EventType;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.events.Topics;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.Proposals;
import io.proposalflow.proposal.persistence.DeliveryDocument;
import io.proposalflow.proposal.persistence.ProposalDocument;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.HistoryKind;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;
import reactor.core.publisher.Mono;

/** The Kafka edges against the real broker: what is published, and what consumed events do. */
class ProposalEventsTest extends ServiceTest {

    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void everyCommittedChangeIsPublishedInOrderAndARefusedOneIsNot() {
        String id = createDraft(draftBody());
        as(OWNER).post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isOk();
        as(OWNER).post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "Doppelt"))
                .exchange().expectStatus().isOk();
        long version = load(id).getVersion();
        as(OWNER).post().uri("/api/proposals/{id}/resubmit", id).exchange().expectStatus().isEqualTo(409);
        // refused before anything was written: no new version, no outbox entry, so nothing to publish ever
        assertThat(load(id).getVersion()).isEqualTo(version);

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(id).size() >= 2, Duration.ofSeconds(30));
            probe.readFor(Duration.ofSeconds(1));
            List<ConsumerRecord<String, byte[]>> records = probe.withKey(id);
            // the draft and the status changes concern no other service: not published (ADR 21)
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventType.PROPOSAL_SUBMITTED.type(),
                    EventType.PROPOSAL_WITHDRAWN.type());
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.SUBJECT)).containsOnly(id);
        }
        Eventually.until("outbox emptied", () -> load(id).getOutbox().isEmpty());
    }

    @Test
    void aResubmissionAndAFundingReportArePublishedAndARefusedFundingReportIsNot() {
        UUID resubmitted = givenProposalIn(ProposalStatus.CHANGES_REQUESTED);
        as(OWNER).post().uri("/api/proposals/{id}/resubmit", resubmitted).exchange().expectStatus().isOk();
        UUID funded = givenProposalIn(ProposalStatus.APPROVED);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", funded).header("If-Match", etagOf(funded))
                .bodyValue(Map.of("programme", "Akti(F)", "stage", "GRANTED", "requestedAmountEur",
                        new BigDecimal("248000.00"), "grantedAmountEur", new BigDecimal("230000.00"),
                        "stageDate", "2026-11-02"))
                .exchange().expectStatus().isOk();
        long fundedVersion = load(funded).getVersion();
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", funded).header("If-Match", etagOf(funded))
                .bodyValue(Map.of("programme", "Akti(F)", "stage", "DENIED", "requestedAmountEur",
                        new BigDecimal("248000.00"), "stageDate", "2026-11-03"))
                .exchange().expectStatus().isEqualTo(409);
        // refused before anything was written: no new version, no outbox entry, so nothing to publish ever
        assertThat(load(funded).getVersion()).isEqualTo(fundedVersion);

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(resubmitted.toString()).stream().anyMatch(
                    e -> isType(e, EventType.PROPOSAL_RESUBMITTED))
                    && probe.withKey(funded.toString()).stream()
                            .anyMatch(e -> isType(e, EventType.FUNDING_APPLICATION_UPDATED)),
                    Duration.ofSeconds(30));
            DomainEvent resubmission = probe.withKey(resubmitted.toString()).stream()
                    .filter(e -> isType(e, EventType.PROPOSAL_RESUBMITTED))
                    .map(r -> (DomainEvent) CODEC.decode(EventType.PROPOSAL_RESUBMITTED, r.value()))
                    .findFirst().orElseThrow();
            assertThat(resubmission).hasFieldOrPropertyWithValue("round", 2);

            List<ConsumerRecord<String, byte[]>> fundingEvents = probe.withKey(funded.toString()).stream()
                    .filter(e -> isType(e, EventType.FUNDING_APPLICATION_UPDATED)).toList();
            assertThat(fundingEvents).hasSize(1);
            assertThat((DomainEvent) CODEC.decode(EventType.FUNDING_APPLICATION_UPDATED, fundingEvents.get(0).value()))
                    .hasFieldOrPropertyWithValue("grantedAmountEur", new BigDecimal("230000.00"));
        }
        // the report moved it on through FUNDING_APPLIED to FUNDED; the refused one changed nothing
        assertThat(load(funded).state().history()).extracting(HistoryEntry::to)
                .containsSubsequence(ProposalStatus.APPROVED, ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED);
        assertThat(load(funded).state().status()).isEqualTo(ProposalStatus.FUNDED);
    }

    @Test
    void reviewEventsMoveTheProposalAndAnnounceNothingFurther() {
        UUID id = givenProposalIn(ProposalStatus.SUBMITTED);
        send(new ReviewOpened(UUID.randomUUID(), id, 1, Themenfeld.WORK_ECONOMY, Instant.now()));
        Eventually.until("in review", () -> load(id).state().status() == ProposalStatus.IN_REVIEW);

        send(completed(id, 1, ReviewOutcome.APPROVED));
        Eventually.until("approved", () -> load(id).state().status() == ProposalStatus.APPROVED);
        assertThat(last(id).note()).isEqualTo("Befürwortet (1 Gutachten: 1× befürwortet).");
        assertThat(last(id).actor()).isEqualTo("review-service");
        // the review's own events told everyone who acts on them; a status change would tell nobody new
        assertThat(load(id).getOutbox()).isEmpty();
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readFor(Duration.ofSeconds(1));
            assertThat(probe.withKey(id.toString())).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsOnly(EventType.PROPOSAL_SUBMITTED.type());
        }
    }

    @Test
    void aDuplicateReviewEventChangesNothing() {
        UUID id = givenProposalIn(ProposalStatus.IN_REVIEW);
        EventEnvelope outcome = EventEnvelope.of(completed(id, 1, ReviewOutcome.CHANGES_REQUESTED));
        send(outcome);
        send(outcome);
        // a later event of the same proposal; an opening of round 1 is ignored by now
        EventEnvelope later = send(new ReviewOpened(UUID.randomUUID(), id, 1, Themenfeld.WORK_ECONOMY,
                Instant.now()));

        Eventually.nothingHappened("the second copy changed nothing", () -> load(id).hasConsumed(later.id()), () -> {
            assertThat(load(id).state().status()).isEqualTo(ProposalStatus.CHANGES_REQUESTED);
            assertThat(load(id).state().history()).filteredOn(h -> h.what() == HistoryKind.REVIEW_COMPLETED)
                    .hasSize(1);
        });
    }

    @Test
    void aReviewEventOfAnEarlierRoundArrivingLateChangesNothing() {
        UUID id = givenProposalIn(ProposalStatus.CHANGES_REQUESTED);
        as(OWNER).post().uri("/api/proposals/{id}/resubmit", id).exchange().expectStatus().isOk();
        long version = load(id).getVersion();
        int historySize = load(id).state().history().size();

        EventEnvelope late = send(completed(id, 1, ReviewOutcome.REJECTED));
        Eventually.until("late event consumed", () -> load(id).hasConsumed(late.id()));
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(load(id).state().round()).isEqualTo(2);
        assertThat(load(id).state().history()).hasSize(historySize);

        send(new ReviewOpened(UUID.randomUUID(), id, 2, Themenfeld.WORK_ECONOMY, Instant.now()));
        Eventually.until("round 2 in review", () -> load(id).state().status() == ProposalStatus.IN_REVIEW);
        assertThat(load(id).getVersion()).isGreaterThan(version);
    }

    @Test
    void reviewEventTypesThisServiceDoesNotUseAreSkippedAndUnreadableOnesAreDeadLettered() {
        UUID id = givenProposalIn(ProposalStatus.SUBMITTED);
        int historySize = load(id).state().history().size();
        EventEnvelope opened = EventEnvelope.of(new ReviewOpened(UUID.randomUUID(), id, 1, Themenfeld.WORK_ECONOMY,
                Instant.now()));
        EventSender.get().sendRaw(Topics.REVIEW_EVENTS, id.toString(), opened.headers(),
                "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(new ReviewersAssigned(UUID.randomUUID(), id, List.of("rev-jobcenter", "rev-kvhs"), false));
        EventEnvelope later = send(new ReviewOpened(UUID.randomUUID(), id, 1, Themenfeld.WORK_ECONOMY,
                Instant.now()));

        Eventually.nothingHappened("the assignment changed nothing", () -> load(id).hasConsumed(later.id()), () -> {
            // only the later opening moved the proposal
            assertThat(load(id).state().status()).isEqualTo(ProposalStatus.IN_REVIEW);
            assertThat(load(id).state().history()).hasSize(historySize + 1);
        });
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(),
                "error." + Topics.REVIEW_EVENTS + ".proposal-service")) {
            probe.readUntil(r -> !probe.withKey(id.toString()).isEmpty(), Duration.ofSeconds(30));
            assertThat(probe.withKey(id.toString())).singleElement()
                    .satisfies(r -> assertThat(TopicProbe.header(r, CloudEventHeaders.ID)).isEqualTo(opened.id()));
        }
    }

    @Test
    void theMailsOfEachStepAreOneHistoryEntryNamingWhoWasToldAndLeaveTheProposalsVersionAlone() {
        UUID id = givenProposalIn(ProposalStatus.SUBMITTED);
        Long version = load(id).getVersion();
        String submitted = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        EventEnvelope first = send(sent(id, submitted, RecipientKind.FOCUS_GROUP, null, null));
        EventSender.get().send(first); // redelivered
        send(sent(id, submitted, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode"));
        send(sent(id, submitted, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode"));
        send(sent(id, submitted, RecipientKind.PARTNER, "kvhs-goslar", "Kreisvolkshochschule Goslar"));
        send(sent(id, submitted, RecipientKind.REVIEWER, null, null));
        send(sent(id, submitted, RecipientKind.REVIEWER, null, null));
        send(new NotificationFailed(UUID.randomUUID(), id, completed, EventType.REVIEW_COMPLETED.type(),
                RecipientKind.PARTNER, "jobcenter-goslar", "Jobcenter Goslar", 5, "550 mailbox unavailable"));
        send(sent(id, completed, RecipientKind.FOCUS_GROUP, null, null));
        // as written before deliveries were summarised per step (ADR 0008, amended): a finished line, no step
        mongo.getCollection(DeliveryDocument.COLLECTION).flatMap(c -> Mono.from(c.insertOne(
                new org.bson.Document("_id", UUID.randomUUID().toString()).append("proposalId", id.toString())
                        .append("entry", new org.bson.Document("at", Date.from(Instant.now().minusSeconds(3600)))
                                .append("actor", "notification-service").append("what", "NOTIFICATION_SENT")
                                .append("note", "Jobcenter Goslar (jobcenter-goslar)"))))).block();

        // same topic and key, so the last step is complete once all mails before it are recorded
        String lastStep = "Benachrichtigt: Fokusgruppe. Nicht zugestellt: Partner Jobcenter Goslar";
        Eventually.until("all mails recorded", () -> notifications(id).stream().anyMatch(e -> lastStep.equals(e.get("note"))));
        assertThat(notifications(id)).extracting(e -> e.get("what") + " " + e.get("note"))
                .containsExactlyInAnyOrder(
                        "NOTIFICATION_SENT Benachrichtigt: Partner Jobcenter Goslar",
                        "NOTIFICATION_SENT Benachrichtigt: Fokusgruppe; Partner Kreisvolkshochschule Goslar,"
                                + " Stiftung Neuerkerode; 2 Gutachter:innen",
                        "NOTIFICATION_FAILED " + lastStep);
        assertThat(notifications(id)).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("notification-service"));
        // a user who read the proposal before the mails went out can still change it with that version
        assertThat(load(id).getVersion()).isEqualTo(version);
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    /** The notification entries of the history, as the API shows them to the focus group. */
    private List<Map<String, Object>> notifications(UUID id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) as(OWNER).get()
                .uri("/api/proposals/{id}/history?size=100", id).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody().get("content");
        return history.stream().filter(e -> HistoryKind.NOTIFICATION_SENT.name().equals(e.get("what"))
                || HistoryKind.NOTIFICATION_FAILED.name().equals(e.get("what"))).toList();
    }

    @Test
    void anEventWrittenButNotPublishedWhenAnInstanceStoppedIsPublishedLater() {
        // What a stopped instance leaves behind: state and outbox written in one document, nothing
        // published, and no in-process nudge of the relay (written with the plain driver).
        Proposal draft = Proposals.draft();
        draft.submit(OWNER, Instant.now());
        ProposalDocument document = ProposalDocument.of(draft, codec);
        document.setVersion(0L);
        org.bson.Document bson = new org.bson.Document();
        mongo.getConverter().write(document, bson);
        mongo.getCollection(ProposalDocument.COLLECTION).flatMap(c -> Mono.from(c.insertOne(bson))).block();
        String id = draft.id().toString();

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> !probe.withKey(id).isEmpty(), Duration.ofSeconds(30));
            assertThat(probe.withKey(id)).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsExactly(EventType.PROPOSAL_SUBMITTED.type());
        }
        Eventually.until("outbox emptied", () -> load(id).getOutbox().isEmpty());
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    private static boolean isType(ConsumerRecord<String, byte[]> record, EventType type) {
        return type.type().equals(TopicProbe.header(record, CloudEventHeaders.TYPE));
    }

    private HistoryEntry last(UUID id) {
        List<HistoryEntry> history = load(id).state().history();
        return history.get(history.size() - 1);
    }

    private static ReviewCompleted completed(UUID id, int round, ReviewOutcome outcome) {
        return new ReviewCompleted(UUID.randomUUID(), id, round, outcome,
                new ScoreAverages(new BigDecimal("4.50"), new BigDecimal("3.00"), new BigDecimal("5.00"),
                        new BigDecimal("3.50")),
                List.of(new ReviewComment("rev-jobcenter", ReviewDecision.APPROVE, null)), "Bedarf unstrittig");
    }

    private static NotificationSent sent(UUID id, String step, RecipientKind kind, String organisationId,
            String organisationName) {
        return new NotificationSent(UUID.randomUUID(), id, step, EventType.PROPOSAL_SUBMITTED.type(), kind,
                organisationId, organisationName, 1);
    }

    private static EventEnvelope send(DomainEvent payload) {
        return EventSender.get().send(payload);
    }

    private static void send(EventEnvelope event) {
        EventSender.get().send(event);
    }
}
