package io.proposalflow.notification.api;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventType;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.domain.Recipient;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.testsupport.Eventually;

class NotificationApiTest extends IntegrationTest {

    @Autowired
    NotificationStore store;

    @Test
    void aFailedNotificationIsVisibleAndCanBeResentOnce() {
        NotificationDocument failed = failedNotification();
        String id = failed.getId();

        coordinator().get().uri("/api/notifications?status=FAILED&proposalId={p}", failed.getProposalId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].lastError").isEqualTo("MailSendException: connection refused");
        coordinator().get().uri("/api/notifications/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.attempts.length()").isEqualTo(1)
                .jsonPath("$.attempts[0].delivered").isEqualTo(false);

        coordinator().post().uri("/api/notifications/{id}/resend", id).exchange()
                .expectStatus().isAccepted();

        Eventually.untilAsserted("the resent notification to be sent", () -> coordinator().get()
                .uri("/api/notifications/{id}", id).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.attempts.length()").isEqualTo(2)
                .jsonPath("$.attempts[1].delivered").isEqualTo(true));
        awaitOne(ANNA, failed.getFacts().title());

        coordinator().post().uri("/api/notifications/{id}/resend", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("SENT");
    }

    @Test
    void unknownNotificationIsNotFoundAndBadFiltersAreRefused() {
        coordinator().get().uri("/api/notifications/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
        coordinator().get().uri("/api/notifications?size=1000").exchange()
                .expectStatus().isBadRequest();
        coordinator().get().uri("/api/notifications").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(20);
    }

    /** A notification that has used up its attempts, as the dispatcher leaves it. */
    private NotificationDocument failedNotification() {
        ProposalSubmitted submitted = newSubmission("Stadtteilmütter");
        ProposalSnapshot proposal = new ProposalSnapshot(submitted.proposalId().toString(),
                submitted.content().title(), submitted.content().themenfeld(), List.of("stiftung-neuerkerode"), null, List.of());
        Recipient anna = new Recipient(RecipientKind.PARTNER, "c-neuerkerode-1", "stiftung-neuerkerode",
                "Stiftung Neuerkerode", "Anna Bergmann", ANNA, Language.DE);
        NotificationDocument n = NotificationDocument.pending(UUID.randomUUID().toString(), proposal.proposalId(),
                UUID.randomUUID().toString(), EventType.PROPOSAL_SUBMITTED.type(), anna,
                EventMeaning.of(submitted).facts(MailKind.SUBMITTED, proposal), Instant.now());
        n.recordFailure(Instant.now(), "MailSendException: connection refused",
                new DeliveryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1)), EventCodec.instance());
        return store.save(n).block();
    }
}
