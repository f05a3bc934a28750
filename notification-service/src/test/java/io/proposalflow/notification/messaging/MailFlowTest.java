package io.proposalflow.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.EventType;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalDrafted;
import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewDecisionRecorded;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.events.Topics;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.notification.Mailbox.Mail;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.Eventually;

/** Events in, mails out: read from the real SMTP server's mailboxes over IMAP. */
class MailFlowTest extends IntegrationTest {

    private static final Instant DUE = Instant.parse("2026-03-13T16:00:00Z");

    @Test
    void submittedProposalIsMailedToEachPartnerInTheirLanguageAndToTheFocusGroup() {
        ProposalSubmitted submitted = newSubmission("Pflegeausbildung öffnen");
        String title = submitted.content().title();

        publish(submitted);

        String reference = ProposalReference.of(submitted.proposalId());
        String link = "http://127.0.0.1:8080/proposals/" + submitted.proposalId();

        Mail anna = awaitOne(ANNA, title);
        assertThat(anna.subject()).isEqualTo("Projektvorschlag eingereicht: „" + title + "“ (" + reference + ")");
        assertThat(anna.multipartAlternative()).isTrue();
        assertThat(anna.text()).contains("Guten Tag Anna Bergmann,", "Referenz: " + reference, "Status: Eingereicht",
                "Themenfeld: Arbeitswelt & Wirtschaft", "Beantragter Betrag: 12.500,00 €",
                "Was jetzt zu tun ist: Sie müssen nichts tun. Das Begutachtungsgremium des Themenfelds prüft",
                "Den Projektvorschlag finden Sie im Portal: " + link);
        assertThat(anna.html()).contains("<html lang=\"de\"", title, "12.500,00 €", "href=\"" + link + "\"");
        assertThat(anna.from()).contains("benachrichtigung@example.org");
        assertThat(anna.replyTo()).as("replies reach the coordination").contains("koordination@example.org");

        Mail elena = awaitOne(ELENA, title);
        assertThat(elena.subject()).isEqualTo("Project proposal submitted: \"" + title + "\" (" + reference + ")");
        assertThat(elena.text()).contains("Dear Elena Petrova,", "Status: Submitted", "€12,500.00",
                "What to do now: Nothing to do for you.", "You find the project proposal in the portal: " + link);

        Mail focusGroup = awaitOne(FOCUS_GROUP_WORK, title);
        assertThat(focusGroup.text()).contains("Sehr geehrte Mitglieder der Fokusgruppe Arbeitswelt & Wirtschaft,",
                "Ihr Projektvorschlag „" + title + "“ ist eingegangen");
    }

    @Test
    void sentMailsAreLoggedAndAnnouncedOnNotificationEventsWithoutAddresses() {
        ProposalSubmitted submitted = newSubmission("Sprachcafé");
        String proposalId = submitted.proposalId().toString();
        publish(submitted);
        awaitOne(ANNA, submitted.content().title());

        awaitNotifications(proposalId, "SENT", 3);
        coordinator().get().uri("/api/notifications?proposalId={id}&organisationId=stiftung-neuerkerode", proposalId)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].organisationName").isEqualTo("Stiftung Neuerkerode")
                .jsonPath("$.content[0].attempts[0].delivered").isEqualTo(true);

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.NOTIFICATION_EVENTS)) {
            var sent = probe.readUntil(records -> records.stream()
                    .filter(r -> proposalId.equals(r.key())).count() >= 3, TIMEOUT).stream()
                    .filter(r -> proposalId.equals(r.key())).toList();
            assertThat(sent).hasSize(3).allSatisfy(record -> {
                assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE))
                        .isEqualTo(EventType.NOTIFICATION_SENT.type());
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("@", "Anna", "Elena");
            });
        }
    }

    @Test
    void aDuplicateEventSendsNoSecondMail() {
        ProposalSubmitted submitted = newSubmission("Quartierstreff");
        String title = submitted.content().title();
        EventEnvelope once = EventEnvelope.of(submitted);

        publish(once);
        publish(once);
        publish(new ProposalWithdrawn(submitted.proposalId(), 3, ProposalStatus.SUBMITTED, "Doppelt geplant",
                "fg-arbeitswelt"));

        Eventually.nothingHappened("the duplicate sent no second mail",
                () -> !Mailbox.read(host(), imapPort(), ANNA, "Projektvorschlag zurückgezogen: „" + title).isEmpty(),
                () -> {
                    assertThat(Mailbox.read(host(), imapPort(), ANNA, "Projektvorschlag eingereicht: „" + title))
                            .hasSize(1);
                    assertThat(notifications(submitted.proposalId(), null)).as("3 submitted, 3 withdrawn")
                            .isEqualTo(6);
                });
    }

    @Test
    void reviewEventsThatOvertakeTheirProposalStillMailTheReviewersWithTheDeadline() {
        ProposalSubmitted submitted = newSubmission("Sprachcafé Oker");
        String title = submitted.content().title();
        UUID reviewCase = UUID.randomUUID();
        // review-events and proposal-events are different topics: here the review arrives first
        publish(new ReviewOpened(reviewCase, submitted.proposalId(), 1, Themenfeld.WORK_ECONOMY, DUE));
        publish(new ReviewersAssigned(reviewCase, submitted.proposalId(), List.of("rev-arbeitswelt"), false));
        publish(submitted);

        Mail peter = awaitOne(PETER_REVIEWER, "Bitte um Begutachtung: „" + title);
        assertThat(peter.text()).contains("Frist: 13.03.2026, 17:00 Uhr");
    }

    @Test
    void assignedReviewersAreAskedRemindedAndToldWhenOverdue() {
        ProposalSubmitted submitted = newSubmission("Gesundheitslotsen");
        String title = submitted.content().title();
        UUID reviewCase = UUID.randomUUID();
        publish(submitted);
        publish(new ReviewOpened(reviewCase, submitted.proposalId(), 1, Themenfeld.WORK_ECONOMY, DUE));
        publish(new ReviewersAssigned(reviewCase, submitted.proposalId(), List.of("rev-arbeitswelt", "rev-kvhs"),
                false));

        Mail peter = awaitOne(PETER_REVIEWER, "Bitte um Begutachtung: „" + title);
        assertThat(peter.text()).contains("Guten Tag Peter Lange,", "Frist: 13.03.2026, 17:00 Uhr",
                "Die Begutachtung finden Sie im Portal: http://127.0.0.1:8080/reviews/" + reviewCase);
        Mail maria = awaitOne(MARIA_REVIEWER, "Review requested: \"" + title);
        assertThat(maria.text()).contains("Dear Maria Santos,", "Deadline: 13 March 2026, 17:00");

        publish(new ReviewReminderDue(reviewCase, submitted.proposalId(), "rev-kvhs", DUE));
        publish(new ReviewOverdue(reviewCase, submitted.proposalId(), "rev-arbeitswelt", DUE));
        assertThat(awaitOne(MARIA_REVIEWER, "Reminder: please review \"" + title).subject())
                .contains("by 13 March 2026, 17:00");
        assertThat(awaitOne(PETER_REVIEWER, "Begutachtung überfällig: „" + title).text())
                .contains("Bitte erfassen Sie Ihre Entscheidung so bald wie möglich");

        // the reminder went to that reviewer only
        assertThat(Mailbox.read(host(), imapPort(), PETER_REVIEWER, "Erinnerung: Begutachtung von „" + title))
                .isEmpty();
        assertThat(Mailbox.read(host(), imapPort(), ANNA, title)).extracting(Mail::subject)
                .noneMatch(s -> s.contains("Begutachtung"));
    }

    @Test
    void completedReviewTellsFocusGroupAndPartnersTheDecisionAndTheCommentsButNotWhoReviewed() {
        ProposalSubmitted submitted = newSubmission("Ausbildungslotsen");
        String title = submitted.content().title();
        publish(submitted);
        publish(new ReviewCompleted(UUID.randomUUID(), submitted.proposalId(), 1, ReviewOutcome.CHANGES_REQUESTED,
                new ScoreAverages(new BigDecimal("4.50"), new BigDecimal("4.00"), new BigDecimal("5.00"),
                        new BigDecimal("4.00")),
                List.of(new ReviewComment("rev-arbeitswelt", ReviewDecision.APPROVE, "Gut durchdacht"),
                        new ReviewComment("rev-kvhs", ReviewDecision.REQUEST_CHANGES,
                                "Bitte die Kinderbetreuung in den Randzeiten klären.")),
                "2 Gutachten: 1× befürwortet, 1× Überarbeitung erbeten"));

        Mail focusGroup = awaitOne(FOCUS_GROUP_WORK, "Begutachtung abgeschlossen: „" + title);
        assertThat(focusGroup.subject()).contains("– Überarbeitung erbeten");
        assertThat(focusGroup.text()).contains("Entscheidung: Überarbeitung erbeten",
                "Status: Überarbeitung erbeten",
                "Gutachten: 2 insgesamt: 1 befürwortet, 1 Überarbeitung erbeten, 0 abgelehnt",
                "Hinweise aus der Begutachtung:", "- Gut durchdacht",
                "- Bitte die Kinderbetreuung in den Randzeiten klären.",
                "Was jetzt zu tun ist: Bitte überarbeiten Sie den Vorschlag");
        Mail anna = awaitOne(ANNA, "Begutachtung abgeschlossen: „" + title);
        assertThat(anna.text()).contains("Bitte die Kinderbetreuung in den Randzeiten klären.",
                "Was jetzt zu tun ist: Sie müssen nichts tun.");
        for (Mail mail : List.of(focusGroup, anna, awaitOne(ELENA, "Review completed: \"" + title))) {
            assertThat(mail.body()).doesNotContain("rev-arbeitswelt", "rev-kvhs", "Peter Lange", "Maria Santos");
        }
    }

    @Test
    void fundingReportsReachFocusGroupAndPartnersWithTheStatusTheyCauseAndStatusChangesAloneMailNobody() {
        ProposalSubmitted submitted = newSubmission("Akti(F) Oker");
        String title = submitted.content().title();
        publish(submitted);
        publish(statusChange(submitted, ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED));
        publish(new FundingApplicationUpdated(submitted.proposalId(), 9, "Akti(F)", FundingStage.GRANTED,
                new BigDecimal("248000.00"), new BigDecimal("240000.00"), LocalDate.of(2026, 1, 15), null));
        publish(statusChange(submitted, ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED));

        Mail funding = awaitOne(ANNA, "Förderantrag zu „" + title);
        assertThat(funding.subject()).contains(": Bewilligt (");
        assertThat(funding.text()).contains("Status: Gefördert", "Förderprogramm: Akti(F)",
                "Bewilligter Betrag: 240.000,00 €", "Beantragter Betrag: 248.000,00 €");
        assertThat(awaitOne(ELENA, "Funding application for \"" + title).text())
                .contains("Status: Funded", "Amount granted: €240,000.00");
        awaitOne(FOCUS_GROUP_WORK, "Förderantrag zu „" + title);
        // 3 for the submission, 3 for the funding report; the status changes added none
        coordinator().get().uri("/api/notifications?proposalId={id}", submitted.proposalId()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(6);
        assertThat(Mailbox.read(host(), imapPort(), ANNA, "Neuer Status")).noneMatch(m -> m.subject().contains(title));
    }

    @Test
    void withdrawalTellsThePartnersConfirmsToTheFocusGroupAndCancelsForTheReviewersWithTheReason() {
        ProposalSubmitted submitted = newSubmission("Sprachkurs mit Kinderbetreuung");
        String title = submitted.content().title();
        UUID reviewCase = UUID.randomUUID();
        publish(submitted);
        publish(new ReviewOpened(reviewCase, submitted.proposalId(), 1, Themenfeld.WORK_ECONOMY, DUE));
        publish(new ReviewersAssigned(reviewCase, submitted.proposalId(), List.of("rev-arbeitswelt", "rev-kvhs"),
                false));
        EventEnvelope withdrawn = publish(new ProposalWithdrawn(submitted.proposalId(), 2, ProposalStatus.IN_REVIEW,
                "Angebot wird bereits finanziert", "fg-arbeitswelt"));
        publish(new ReviewCancelled(reviewCase, submitted.proposalId(),
                "Projektvorschlag zurückgezogen: Angebot wird bereits finanziert"));

        assertThat(awaitOne(ANNA, "Projektvorschlag zurückgezogen: „" + title).text())
                .contains("Begründung: Angebot wird bereits finanziert");
        awaitOne(ELENA, "Project proposal withdrawn: \"" + title);
        assertThat(awaitOne(FOCUS_GROUP_WORK, "Bestätigung: Projektvorschlag „" + title).text())
                .contains("Sie haben den Projektvorschlag", "Begründung: Angebot wird bereits finanziert");
        assertThat(awaitOne(PETER_REVIEWER, "Begutachtung entfällt: „" + title).text())
                .contains("Begründung: Projektvorschlag zurückgezogen: Angebot wird bereits finanziert",
                        "Sie müssen nichts mehr tun.");
        awaitOne(MARIA_REVIEWER, "Review no longer needed: \"" + title);
        coordinator().get().uri("/api/notifications?proposalId={id}&size=100", submitted.proposalId()).exchange()
                .expectBody()
                .jsonPath("$.content[?(@.sourceEventId == '" + withdrawn.id() + "')].recipientKind")
                .value(kinds -> assertThat((List<Object>) kinds)
                        .containsExactlyInAnyOrder("PARTNER", "PARTNER", "FOCUS_GROUP"));
    }

    @Test
    void aReviewerTakenOffTheCaseIsNotToldOfItsCancellation() {
        ProposalSubmitted submitted = newSubmission("Lotsendienst");
        String title = submitted.content().title();
        UUID reviewCase = UUID.randomUUID();
        publish(submitted);
        publish(new ReviewOpened(reviewCase, submitted.proposalId(), 1, Themenfeld.WORK_ECONOMY, DUE));
        publish(new ReviewersAssigned(reviewCase, submitted.proposalId(), List.of("rev-arbeitswelt", "rev-kvhs"),
                false));
        publish(new ReviewerRemoved(reviewCase, submitted.proposalId(), "rev-kvhs", false));
        EventEnvelope cancelled = publish(new ReviewCancelled(reviewCase, submitted.proposalId(),
                "Projektvorschlag zurückgezogen"));

        awaitOne(PETER_REVIEWER, "Begutachtung entfällt: „" + title);
        // all notifications of an event are planned before any of its mails goes out
        coordinator().get().uri("/api/notifications?proposalId={id}&size=100", submitted.proposalId()).exchange()
                .expectBody()
                .jsonPath("$.content[?(@.sourceEventId == '" + cancelled.id() + "')].recipientId")
                .value(ids -> assertThat((List<Object>) ids).containsExactly("rev-arbeitswelt"));
    }

    @Test
    void resubmittedProposalNamesTheNewReviewRound() {
        ProposalSubmitted submitted = newSubmission("Pflegeassistenz in Teilzeit");
        String title = submitted.content().title();
        publish(submitted);
        publish(new ProposalResubmitted(submitted.proposalId(), 4, 2, submitted.content(), "fg-arbeitswelt"));

        assertThat(awaitOne(ANNA, "Überarbeiteter Projektvorschlag eingereicht: „" + title).text())
                .contains("Begutachtungsrunde: 2", "Status: Eingereicht");
        assertThat(awaitOne(ELENA, "Revised project proposal submitted: \"" + title).text())
                .contains("Review round: 2");
        awaitOne(FOCUS_GROUP_WORK, "Überarbeiteter Projektvorschlag eingereicht: „" + title);
    }

    @Test
    void eventsThatConcernNobodyAreIgnored() {
        ProposalSubmitted submitted = newSubmission("Nachbarschaftshilfe");
        publish(new ProposalDrafted(submitted.proposalId(), 0, Themenfeld.WORK_ECONOMY,
                submitted.content().title(), "fg-arbeitswelt"));
        publish(submitted);
        publish(new ReviewDecisionRecorded(UUID.randomUUID(), submitted.proposalId(), "rev-arbeitswelt",
                ReviewDecision.APPROVE, new Scores(5, 4, 5, 4), false));
        publish(statusChange(submitted, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED));
        publish(statusChange(submitted, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW));

        publish(new ProposalWithdrawn(submitted.proposalId(), 4, ProposalStatus.IN_REVIEW, "Doppelt geplant",
                "fg-arbeitswelt"));

        Eventually.nothingHappened("drafts, decisions and status changes mail nobody",
                () -> !Mailbox.read(host(), imapPort(), ANNA,
                        "Projektvorschlag zurückgezogen: „" + submitted.content().title()).isEmpty(),
                // 3 for the submission, 3 for the withdrawal
                () -> assertThat(notifications(submitted.proposalId(), null)).isEqualTo(6));
    }

    @Test
    void aReviewEventThatOvertakesItsProposalWaitsForIt() {
        ProposalSubmitted submitted = newSubmission("Frauencafé");
        String title = submitted.content().title();
        publish(new ReviewersAssigned(UUID.randomUUID(), submitted.proposalId(), List.of("rev-wohnen"), true));
        publish(submitted);

        assertThat(awaitOne("katrin.vogel@example.org", "Bitte um Begutachtung: „" + title).text())
                .contains("Guten Tag Katrin Vogel,");
    }

    @Test
    void aReviewEventWhoseProposalComesSecondsLaterIsRetriedUntilItCame() throws InterruptedException {
        ProposalSubmitted submitted = newSubmission("Nachbarschaftstreff Oker");
        String title = submitted.content().title();
        publish(new ReviewersAssigned(UUID.randomUUID(), submitted.proposalId(), List.of("rev-wohnen"), true));
        // several rounds of the container's retries
        Thread.sleep(3_000);
        publish(submitted);

        assertThat(awaitOne("katrin.vogel@example.org", "Bitte um Begutachtung: „" + title).text())
                .contains("Guten Tag Katrin Vogel,");
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopic() {
        String eventId = UUID.randomUUID().toString();
        EventSender.get().sendRaw(Topics.PROPOSAL_EVENTS, UUID.randomUUID().toString(), Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.SOURCE, "/proposal-service",
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TYPE, EventType.PROPOSAL_SUBMITTED.type(),
                CloudEventHeaders.CONTENT_TYPE, "application/json"),
                "{\"proposalId\": 42".getBytes(StandardCharsets.UTF_8));

        try (TopicProbe dlq = new TopicProbe(TestBackends.get().kafkaBootstrapServers(),
                "error.proposal-events.notification-service")) {
            var dead = dlq.readUntil(records -> records.stream()
                    .anyMatch(r -> eventId.equals(TopicProbe.header(r, CloudEventHeaders.ID))), TIMEOUT);
            assertThat(dead).anySatisfy(r -> {
                assertThat(TopicProbe.header(r, CloudEventHeaders.ID)).isEqualTo(eventId);
                assertThat(TopicProbe.header(r, "kafka_dlt-original-topic")).isEqualTo(Topics.PROPOSAL_EVENTS);
                assertThat(TopicProbe.header(r, "kafka_dlt-exception-message")).isNotBlank();
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"proposalId\": 42");
            });
        }
    }

    private static ProposalStatusChanged statusChange(ProposalSubmitted submitted, ProposalStatus from,
            ProposalStatus to) {
        return new ProposalStatusChanged(submitted.proposalId(), 3, Themenfeld.WORK_ECONOMY,
                submitted.content().title(), from, to, null);
    }
}
