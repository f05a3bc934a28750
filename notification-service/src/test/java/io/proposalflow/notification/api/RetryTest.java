package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.proposalflow.notification.IntegrationTest;

/** The coordination adds a contact person, its request times out, and it sends it again with the same key. */
class RetryTest extends IntegrationTest {

    @Test
    void aContactAddedTwiceWithTheSameKeyIsAddedOnce() {
        String partner = "tafel-goslar-" + UUID.randomUUID();
        coordinator().put().uri("/api/recipients/partners/{id}", partner).bodyValue(Map.of("name", "Tafel Goslar"))
                .exchange().expectStatus().isOk();
        Map<String, Object> contact = Map.of("name", "Jana Neumann", "email", "jana.neumann@example.org",
                "language", "DE");
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<byte[]> first = coordinator().post().uri("/api/recipients/partners/{id}/contacts", partner)
                .header("Idempotency-Key", key).bodyValue(contact).exchange()
                .expectStatus().isCreated().expectBody().returnResult();
        EntityExchangeResult<byte[]> again = coordinator().post().uri("/api/recipients/partners/{id}/contacts", partner)
                .header("Idempotency-Key", key).bodyValue(contact).exchange()
                .expectStatus().isCreated().expectBody().returnResult();

        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        coordinator().get().uri("/api/recipients/partners/{id}", partner).exchange()
                .expectBody().jsonPath("$.contacts.length()").isEqualTo(1);

        coordinator().post().uri("/api/recipients/partners/{id}/contacts", partner)
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("name", "Jan Neumann", "email", "jan.neumann@example.org", "language", "DE"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        coordinator().get().uri("/api/recipients/partners/{id}", partner).exchange()
                .expectBody().jsonPath("$.contacts.length()").isEqualTo(1);
    }
}
