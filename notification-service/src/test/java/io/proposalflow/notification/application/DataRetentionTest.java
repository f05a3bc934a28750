package io.proposalflow.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.api.DirectoryDtos;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.notification.persistence.PartnerDocument;
import io.proposalflow.notification.persistence.PartnerRepository;

/**
 * Delivery records and the contacts of a partner that left are deleted once their retention period
 * is over; the clock is moved forward instead of waiting a year.
 */
class DataRetentionTest extends IntegrationTest {

    private static final String ORG = "nachbarschaftsverein-oker";
    private static final String NAME = "Gunhild Auerbach-Trepte";
    private static final String ADDRESS = "gunhild.auerbach-trepte@example.org";
    private static final Duration DELIVERIES = Duration.ofDays(365);
    private static final Duration AFTER_LEAVING = Duration.ofDays(90);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PartnerRepository partners;

    @Autowired
    NotificationStore notifications;

    @Autowired
    ContactErasure erasure;

    @Test
    void aYearLaterTheDeliveryRecordsAndTheContactsOfAPartnerThatLeftAreGone() {
        coordinator().put().uri("/api/recipients/partners/{org}", ORG)
                .bodyValue(Map.of("name", "Nachbarschaftsverein Oker")).exchange().expectStatus().isOk();
        String contactId = coordinator().post().uri("/api/recipients/partners/{org}/contacts", ORG)
                .bodyValue(Map.of("name", NAME, "email", ADDRESS, "language", "DE"))
                .exchange().expectStatus().isCreated()
                .expectBody(DirectoryDtos.ContactResponse.class).returnResult().getResponseBody().id();
        ProposalSubmitted submitted = newSubmission("Nachbarschaftsfest", ORG);
        publish(submitted);
        awaitOne(ADDRESS, submitted.content().title());
        coordinator().put().uri("/api/recipients/partners/{org}", ORG)
                .bodyValue(Map.of("name", "Nachbarschaftsverein Oker", "leftOn", LocalDate.now(ZoneOffset.UTC).toString()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.leftOn").isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

        // today nothing is due: the mail was just sent, the partner left today
        DataRetention.Result today = retentionAt(Duration.ZERO).run().block();
        assertThat(today.contactsErased()).isZero();
        assertThat(databaseText()).contains(NAME, ADDRESS);

        // 89 days after leaving the contact is still there; 91 days after, it is erased (and recorded)
        assertThat(retentionAt(Duration.ofDays(89)).run().block().contactsErased()).isZero();
        assertThat(retentionAt(Duration.ofDays(91)).run().block().contactsErased()).isEqualTo(1);
        coordinator().get().uri("/api/recipients/erasures").exchange()
                .expectBody().jsonPath("$.content[?(@.contactId == '" + contactId + "')].erasedBy").isEqualTo("retention");
        assertThat(databaseText()).doesNotContain(NAME, ADDRESS);
        assertThat(notificationsOf(contactId)).as("the anonymised record stays until its own period is over")
                .hasSize(1);

        // a year and a day later the delivery record is deleted, and nothing due remains anywhere
        Instant later = Instant.now().plus(Duration.ofDays(366));
        DataRetention.Result yearLater = retentionAt(Duration.ofDays(366)).run().block();
        assertThat(yearLater.deliveriesDeleted()).isPositive();
        assertThat(notificationsOf(contactId)).isEmpty();
        for (Document n : mongo.findAll(Document.class, "notifications").collectList().block()) {
            Instant created = n.getDate("createdAt").toInstant();
            assertThat(created.isBefore(later.minus(DELIVERIES)) && List.of("SENT", "FAILED", "CANCELLED")
                    .contains(n.getString("status"))).as("due and still there: %s", n.toJson()).isFalse();
        }
        for (PartnerDocument p : partners.findAll().collectList().block()) {
            if (p.getLeftOn() != null && p.getLeftOn().isBefore(LocalDate.ofInstant(later.minus(AFTER_LEAVING),
                    ZoneOffset.UTC))) {
                assertThat(p.getContacts()).as("contacts of %s, which left", p.getId()).isEmpty();
            }
        }
    }

    private DataRetention retentionAt(Duration ahead) {
        return new DataRetention(notifications, partners, erasure, DELIVERIES, AFTER_LEAVING,
                Clock.offset(Clock.systemUTC(), ahead));
    }

    private List<Document> notificationsOf(String contactId) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientId").is(contactId)),
                Document.class, "notifications").collectList().block();
    }

    private String databaseText() {
        StringBuilder text = new StringBuilder();
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            for (Document document : mongo.findAll(Document.class, collection).collectList().block()) {
                text.append(document.toJson()).append('\n');
            }
        }
        return text.toString();
    }
}
