package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.testsupport.Eventually;

class ErasureTest extends IntegrationTest {

    private static final String NAME = "Henrike Wöllner-Quast";
    private static final String ADDRESS = "henrike.woellner-quast@example.org";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void erasingAContactPersonLeavesNoTraceOfTheirNameOrAddressAndIsRecorded() {
        String contactId = coordinator().post().uri("/api/recipients/partners/freiwilligenagentur-goslar/contacts")
                .bodyValue(Map.of("name", NAME, "email", ADDRESS, "language", "DE"))
                .exchange().expectStatus().isCreated()
                .expectBody(DirectoryDtos.ContactResponse.class).returnResult().getResponseBody().id();
        ProposalSubmitted submitted = newSubmission("Ehrenamtsbörse", "freiwilligenagentur-goslar");
        publish(submitted);
        awaitOne(ADDRESS, submitted.content().title());
        assertThat(databaseText()).contains(NAME, ADDRESS);

        coordinator().delete().uri("/api/recipients/partners/freiwilligenagentur-goslar/contacts/{id}", contactId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contactId").isEqualTo(contactId)
                .jsonPath("$.erasedBy").isEqualTo("koordination")
                .jsonPath("$.erasedAt").exists()
                .jsonPath("$.anonymisedNotifications").isEqualTo(1);

        assertThat(databaseText()).doesNotContain(NAME, "Wöllner", ADDRESS, "woellner");
        coordinator().get().uri("/api/recipients/erasures").exchange()
                .expectBody().jsonPath("$.content[?(@.contactId == '" + contactId + "')].erasedBy").isEqualTo("koordination");
        coordinator().get().uri("/api/notifications?proposalId={id}&organisationId=freiwilligenagentur-goslar",
                        submitted.proposalId()).exchange()
                .expectBody()
                .jsonPath("$.content[0].recipientName").isEqualTo("erased")
                .jsonPath("$.content[0].email").isEqualTo("erased")
                .jsonPath("$.content[0].status").isEqualTo("SENT");
    }

    @Test
    void anErasureAlsoStopsMailsBeingSentFailedOnesAndOnesCreatedWhileItRanAndReachesReviewersAndFocusGroups() {
        String name = "Wiebke Osterkamp-Lührs";
        String address = "wiebke.osterkamp-luehrs@example.org";
        String partner = "landkreis-goslar";
        String contactId = coordinator().post().uri("/api/recipients/partners/{org}/contacts", partner)
                .bodyValue(Map.of("name", name, "email", address, "language", "DE"))
                .exchange().expectStatus().isCreated()
                .expectBody(DirectoryDtos.ContactResponse.class).returnResult().getResponseBody().id();
        ProposalSubmitted submitted = newSubmission("Frauencafé", partner);
        publish(submitted);
        awaitOne(address, submitted.content().title());
        Document sent = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientId").is(contactId)),
                Document.class, "notifications").block();

        // one mail is being sent by another dispatcher right now, one has failed for good
        String beingSent = copy(sent, "SENDING", java.time.Instant.now().plusSeconds(3600));
        String failed = copy(sent, "FAILED", null);
        // a reviewer and a focus group address that are personal too
        String reviewer = "rev-erasure-test";
        String reviewerName = "Hartmut Quellmalz";
        String reviewerAddress = "hartmut.quellmalz@example.org";
        coordinator().put().uri("/api/recipients/reviewers/{id}", reviewer)
                .bodyValue(Map.of("name", reviewerName, "email", reviewerAddress, "language", "DE"))
                .exchange().expectStatus().isOk();
        Document health = mongo.findById("HEALTH", Document.class, "focusGroups").block();
        coordinator().put().uri("/api/recipients/focus-groups/HEALTH")
                .bodyValue(Map.of("name", "Ilka Brommundt", "email", "ilka.brommundt@example.org", "language", "DE"))
                .exchange().expectStatus().isOk();
        copyFor(sent, "REVIEWER", reviewer, reviewerName, reviewerAddress);
        copyFor(sent, "FOCUS_GROUP", "HEALTH", "Ilka Brommundt", "ilka.brommundt@example.org");

        try {
            coordinator().delete().uri("/api/recipients/partners/{org}/contacts/{id}", partner, contactId).exchange()
                    .expectStatus().isOk();
            // a planner that read the directory before the erasure inserts its notification only now
            String late = copy(sent, "PENDING", null);
            coordinator().delete().uri("/api/recipients/reviewers/{id}", reviewer).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.recipientKind").isEqualTo("REVIEWER");
            coordinator().delete().uri("/api/recipients/focus-groups/HEALTH").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.recipientKind").isEqualTo("FOCUS_GROUP");

            assertThat(status(beingSent)).isEqualTo("CANCELLED");
            assertThat(status(failed)).isEqualTo("CANCELLED");
            coordinator().post().uri("/api/notifications/{id}/resend", failed).exchange()
                    .expectStatus().isEqualTo(409);
            Eventually.until("the late notification to be cancelled before it is sent",
                    () -> "CANCELLED".equals(status(late)));
            assertThat(store.claimDue(java.time.Instant.now().plusSeconds(7200), java.time.Duration.ofSeconds(5), 100)
                    .map(n -> n.getId()).collectList().block()).doesNotContain(beingSent, failed, late);
            assertThat(Mailbox.read(host(), imapPort(), address, submitted.content().title())).as("mails to the erased address").hasSize(1);
            assertThat(databaseText()).doesNotContain(name, "Osterkamp", address, reviewerName, "Quellmalz",
                    reviewerAddress, "Brommundt");
        } finally {
            if (health != null) {
                mongo.save(health, "focusGroups").block();
            }
        }
    }

    /** A copy of a stored notification under a new id, in the given state, as a dispatcher or planner would leave it. */
    private String copy(Document original, String status, java.time.Instant leaseUntil) {
        Document copy = Document.parse(original.toJson());
        String id = java.util.UUID.randomUUID().toString();
        copy.put("_id", id);
        copy.put("status", status);
        copy.put("version", 1L);
        copy.put("nextAttemptAt", java.util.Date.from(java.time.Instant.now()));
        copy.put("createdAt", java.util.Date.from(java.time.Instant.now()));
        copy.remove("outbox");
        copy.remove("consumedEventIds");
        if (leaseUntil != null) {
            copy.put("leaseUntil", java.util.Date.from(leaseUntil));
        } else {
            copy.remove("leaseUntil");
        }
        mongo.insert(copy, "notifications").block();
        return id;
    }

    private void copyFor(Document original, String kind, String recipientId, String name, String email) {
        Document copy = Document.parse(original.toJson());
        copy.put("_id", java.util.UUID.randomUUID().toString());
        copy.put("recipientKind", kind);
        copy.put("recipientId", recipientId);
        copy.put("recipientName", name);
        copy.put("email", email);
        copy.remove("organisationId");
        copy.remove("organisationName");
        copy.remove("outbox");
        copy.remove("consumedEventIds");
        mongo.insert(copy, "notifications").block();
    }

    private String status(String id) {
        return mongo.findById(id, Document.class, "notifications").block().getString("status");
    }

    /** Every document of every collection of this service's database, as JSON. */
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
