package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;

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
