package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;

/** A contact person asks what is stored about them: the coordination hands them one JSON file. */
class ContactExportTest extends IntegrationTest {

    private static final String NAME = "Joachim Ebeling-Stroh";
    private static final String ADDRESS = "joachim.ebeling-stroh@example.org";
    private static final String ORG = "jobcenter-goslar";

    @Test
    void theCoordinationExportsTheEntryEveryMailAndTheErasureOfAContact() {
        String contactId = coordinator().post().uri("/api/recipients/partners/{org}/contacts", ORG)
                .bodyValue(Map.of("name", NAME, "email", ADDRESS, "language", "DE"))
                .exchange().expectStatus().isCreated()
                .expectBody(DirectoryDtos.ContactResponse.class).returnResult().getResponseBody().id();
        ProposalSubmitted submitted = newSubmission("Sprachcafé", ORG);
        publish(submitted);
        awaitOne(ADDRESS, submitted.content().title());
        String export = "/api/recipients/partners/{org}/contacts/{id}/export";

        coordinator().get().uri(export, ORG, contactId).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"auskunft-" + contactId + ".json\"")
                .expectBody()
                .jsonPath("$.organisationName").isEqualTo("Jobcenter Goslar")
                .jsonPath("$.name").isEqualTo(NAME)
                .jsonPath("$.email").isEqualTo(ADDRESS)
                .jsonPath("$.deliveries.length()").isEqualTo(1)
                .jsonPath("$.deliveries[0].proposalId").isEqualTo(submitted.proposalId().toString())
                .jsonPath("$.deliveries[0].email").isEqualTo(ADDRESS)
                .jsonPath("$.deliveries[0].status").isEqualTo("SENT")
                .jsonPath("$.deliveries[0].attempts[0].delivered").isEqualTo(true)
                .jsonPath("$.erasures.length()").isEqualTo(0);

        coordinator().delete().uri("/api/recipients/partners/{org}/contacts/{id}", ORG, contactId).exchange()
                .expectStatus().isOk();

        // after the erasure, the same request shows what remains: no entry, an anonymised log, the record
        String after = new String(coordinator().get().uri(export, ORG, contactId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.inDirectory").isEqualTo(false)
                .jsonPath("$.email").doesNotExist()
                .jsonPath("$.deliveries[0].email").isEqualTo("erased")
                .jsonPath("$.erasures[0].contactId").isEqualTo(contactId)
                .jsonPath("$.erasures[0].erasedBy").isEqualTo("koordination")
                .returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(after).doesNotContain(NAME, ADDRESS);
    }

    @Test
    void anUnknownContactIsNotFoundAndOnlyTheCoordinationMayExport() {
        coordinator().get().uri("/api/recipients/partners/{org}/contacts/{id}/export", ORG, "no-such-contact")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        client().get().uri("/api/recipients/partners/{org}/contacts/{id}/export", "stiftung-neuerkerode",
                        "c-neuerkerode-1")
                .headers(h -> h.setBasicAuth("fg-arbeitswelt", "demo"))
                .exchange().expectStatus().isForbidden();
        coordinator().get().uri("/api/recipients/partners/{org}/contacts/{id}/export", "stiftung-neuerkerode",
                        "c-neuerkerode-1")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(ANNA);
    }
}
