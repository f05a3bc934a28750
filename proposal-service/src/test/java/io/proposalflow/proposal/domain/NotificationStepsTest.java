package io.proposalflow.proposal.domain;

import static io.proposalflow.proposal.domain.Proposals.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.EventType;
import io.proposalflow.events.RecipientKind;

/** The history shows one line per step and who was told, not one line per mail. */
class NotificationStepsTest {

    private static final String SUBMITTED = "event-submitted";
    private static final String COMPLETED = "event-completed";

    @Test
    void theMailsOfOneStepAreOneLineNamingEachOrganisationOnceAndCountingReviewers() {
        List<Delivery> mails = List.of(
                sent(SUBMITTED, RecipientKind.FOCUS_GROUP, null, null, 1),
                sent(SUBMITTED, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode", 2),
                sent(SUBMITTED, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode", 3),
                sent(SUBMITTED, RecipientKind.PARTNER, "kvhs-goslar", "Kreisvolkshochschule Goslar", 4),
                sent(SUBMITTED, RecipientKind.REVIEWER, null, null, 5),
                sent(SUBMITTED, RecipientKind.REVIEWER, null, null, 6));

        List<HistoryEntry> history = NotificationSteps.summarise(mails);

        assertThat(history).singleElement().satisfies(step -> {
            assertThat(step.what()).isEqualTo(HistoryKind.NOTIFICATION_SENT);
            assertThat(step.note()).isEqualTo("Benachrichtigt: Fokusgruppe; Partner Kreisvolkshochschule Goslar,"
                    + " Stiftung Neuerkerode; 2 Gutachter:innen");
            assertThat(step.at()).isEqualTo(T0.plusSeconds(6));
            assertThat(step.actor()).isEqualTo(Proposal.NOTIFICATION_SERVICE);
            assertThat(step.from()).isNull();
            assertThat(step.to()).isNull();
        });
    }

    @Test
    void aStepWithAMailNotDeliveredIsAFailureNamingWhoWasNotReachedAndWhoWas() {
        List<Delivery> mails = List.of(
                sent(COMPLETED, RecipientKind.FOCUS_GROUP, null, null, 1),
                failed(COMPLETED, RecipientKind.PARTNER, "jobcenter-goslar", "Jobcenter Goslar", 2),
                failed(COMPLETED, RecipientKind.PARTNER, "jobcenter-goslar", "Jobcenter Goslar", 3));

        assertThat(NotificationSteps.summarise(mails)).singleElement().satisfies(step -> {
            assertThat(step.what()).isEqualTo(HistoryKind.NOTIFICATION_FAILED);
            assertThat(step.note())
                    .isEqualTo("Benachrichtigt: Fokusgruppe. Nicht zugestellt: Partner Jobcenter Goslar");
        });
        assertThat(NotificationSteps.summarise(mails.subList(1, 3))).singleElement()
                .satisfies(step -> assertThat(step.note()).isEqualTo("Nicht zugestellt: Partner Jobcenter Goslar"));
    }

    @Test
    void aMailResentAfterFailingCountsByItsLastReport() {
        String mail = UUID.randomUUID().toString();
        List<Delivery> mails = List.of(
                new Delivery(mail, COMPLETED, EventType.REVIEW_COMPLETED.type(), RecipientKind.PARTNER,
                        "jobcenter-goslar", "Jobcenter Goslar", false, T0.plusSeconds(1)),
                new Delivery(mail, COMPLETED, EventType.REVIEW_COMPLETED.type(), RecipientKind.PARTNER,
                        "jobcenter-goslar", "Jobcenter Goslar", true, T0.plusSeconds(3600)));

        assertThat(NotificationSteps.summarise(mails)).singleElement().satisfies(step -> {
            assertThat(step.what()).isEqualTo(HistoryKind.NOTIFICATION_SENT);
            assertThat(step.note()).isEqualTo("Benachrichtigt: Partner Jobcenter Goslar");
            assertThat(step.at()).isEqualTo(T0.plusSeconds(3600));
        });
    }

    @Test
    void everyStepIsItsOwnLineInTheOrderOfTime() {
        List<Delivery> mails = List.of(
                sent(COMPLETED, RecipientKind.REVIEWER, null, null, 20),
                sent(SUBMITTED, RecipientKind.FOCUS_GROUP, null, null, 2),
                sent(COMPLETED, RecipientKind.FOCUS_GROUP, null, null, 21));

        assertThat(NotificationSteps.summarise(mails)).extracting(HistoryEntry::note).containsExactly(
                "Benachrichtigt: Fokusgruppe",
                "Benachrichtigt: Fokusgruppe; 1 Gutachter:in");
    }

    @Test
    void reviewersAreCountedNeverNamedNorTheirOrganisation() {
        List<Delivery> mails = List.of(sent(SUBMITTED, RecipientKind.REVIEWER, "jobcenter-goslar", "Jobcenter Goslar",
                1));

        assertThat(NotificationSteps.summarise(mails)).singleElement()
                .satisfies(step -> assertThat(step.note()).isEqualTo("Benachrichtigt: 1 Gutachter:in"));
    }

    @Test
    void deliveriesStoredBeforeStepsWereRecordedAreEachTheirOwnStep() {
        List<Delivery> mails = List.of(
                new Delivery(null, null, null, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode",
                        true, T0),
                new Delivery(null, null, null, RecipientKind.PARTNER, "stiftung-neuerkerode", "Stiftung Neuerkerode",
                        true, T0));

        assertThat(NotificationSteps.summarise(mails)).hasSize(2).extracting(HistoryEntry::note)
                .containsOnly("Benachrichtigt: Partner Stiftung Neuerkerode");
    }

    private static Delivery sent(String step, RecipientKind kind, String organisationId, String organisationName,
            int second) {
        return new Delivery(UUID.randomUUID().toString(), step, EventType.PROPOSAL_SUBMITTED.type(), kind,
                organisationId, organisationName, true, at(second));
    }

    private static Delivery failed(String step, RecipientKind kind, String organisationId, String organisationName,
            int second) {
        return new Delivery(UUID.randomUUID().toString(), step, EventType.PROPOSAL_SUBMITTED.type(), kind,
                organisationId, organisationName, false, at(second));
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
