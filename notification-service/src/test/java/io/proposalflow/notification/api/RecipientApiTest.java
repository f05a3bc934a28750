package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.testsupport.SecurityMatrix;

class RecipientApiTest extends IntegrationTest {

    @Test
    void theDirectoryIsForCoordinatorsOnly() {
        client().get().uri("/api/recipients/partners").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/recipients/partners").headers(h -> h.setBasicAuth("fg-arbeitswelt", "demo"))
                .exchange().expectStatus().isForbidden();
        client().get().uri("/api/notifications").headers(h -> h.setBasicAuth("rev-kvhs", "demo"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theEmbeddedDefaultHasTheDemoOrganisationsFocusGroupsAndReviewers() {
        coordinator().get().uri("/api/recipients/partners/stiftung-neuerkerode").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Stiftung Neuerkerode")
                .jsonPath("$.contacts[0].email").isEqualTo(ANNA)
                .jsonPath("$.contacts[0].language").isEqualTo("DE");
        coordinator().get().uri("/api/recipients/focus-groups").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(6).jsonPath("$.totalElements").isEqualTo(6);
        coordinator().get().uri("/api/recipients/reviewers?size=100").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[?(@.id == 'rev-kvhs')].language").isEqualTo("EN");
    }

    @Test
    void contactPersonsAreAddedAndChangedWithValidatedAddresses() {
        coordinator().put().uri("/api/recipients/partners/caritas-goslar")
                .bodyValue(Map.of("name", "Caritasverband Goslar")).exchange()
                .expectStatus().isOk();
        String contactId = coordinator().post().uri("/api/recipients/partners/caritas-goslar/contacts")
                .bodyValue(Map.of("name", "Jana Neumann", "email", "jana.neumann@example.org", "language", "EN"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(DirectoryDtos.ContactResponse.class).returnResult().getResponseBody().id();

        coordinator().put().uri("/api/recipients/partners/caritas-goslar/contacts/{id}", contactId)
                .bodyValue(Map.of("name", "Jana Neumann", "email", "j.neumann@example.org", "language", "DE"))
                .exchange().expectStatus().isOk();

        coordinator().get().uri("/api/recipients/partners/caritas-goslar").exchange()
                .expectBody()
                .jsonPath("$.contacts.length()").isEqualTo(1)
                .jsonPath("$.contacts[0].email").isEqualTo("j.neumann@example.org")
                .jsonPath("$.contacts[0].language").isEqualTo("DE");
    }

    @Test
    void anInvalidAddressIsRefusedFieldByField() {
        coordinator().post().uri("/api/recipients/partners/jobcenter-goslar/contacts")
                .bodyValue(Map.of("name", "", "email", "keine-adresse", "language", "DE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").exists();
        coordinator().put().uri("/api/recipients/reviewers/rev-neu")
                .bodyValue(Map.of("name", "Neu", "email", "neu@", "language", "DE"))
                .exchange().expectStatus().isBadRequest();
        coordinator().get().uri("/api/recipients/partners/jobcenter-goslar").exchange()
                .expectBody(DirectoryDtos.PartnerResponse.class)
                .value(partner -> assertThat(partner.contacts()).extracting(DirectoryDtos.ContactResponse::email)
                        .doesNotContain("keine-adresse"));
    }

    @Test
    void unknownOrganisationIsNotFound() {
        coordinator().get().uri("/api/recipients/partners/gibt-es-nicht").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutLoginEveryOperationOfTheApiDescriptionIsA401() {
        SecurityMatrix.assertEveryOperationNeedsALogin("notification-service",
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port).build());
    }
}
