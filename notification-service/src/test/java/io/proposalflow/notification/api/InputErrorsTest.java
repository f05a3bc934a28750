package io.proposalflow.notification.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.platform.web.PageQuery;

/**
 * What an API fuzzer sent: every input error is a 4xx problem document, never a 500 or an empty body,
 * and every list of the directory is paged the same way as the delivery log.
 */
class InputErrorsTest extends IntegrationTest {

    @Test
    void aBlankPathSegmentIsAClientErrorWithAProblemDocument() {
        Map<String, Object> address = Map.of("name", "Neu", "email", "neu@example.org", "language", "DE");
        for (Object[] request : List.of(
                new Object[] { HttpMethod.GET, "/api/recipients/%20", 404 },
                new Object[] { HttpMethod.GET, "/api/recipients/partners/%20", 404 },
                new Object[] { HttpMethod.GET, "/api/recipients/partners/%20/contacts/%20", 404 },
                new Object[] { HttpMethod.POST, "/api/recipients/partners/%20/contacts", 404 },
                new Object[] { HttpMethod.PUT, "/api/recipients/focus-groups/%20", 400 },
                new Object[] { HttpMethod.GET, "/api/notifications/%20", 404 },
                new Object[] { HttpMethod.POST, "/api/notifications/%20/resend", 404 })) {
            raw().method((HttpMethod) request[0]).uri(at((String) request[1]))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(address).exchange()
                    .expectStatus().isEqualTo((int) request[2])
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aPageBeyondWhatTheDatabaseCanSkipIsRefused() {
        for (String list : List.of("/api/notifications", "/api/organisations", "/api/recipients/partners",
                "/api/recipients/erasures",
                "/api/recipients/focus-groups", "/api/recipients/reviewers")) {
            raw().get().uri(list + "?page=21474837&size=100").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
            coordinator().get().uri(list + "?page=" + PageQuery.MAX_PAGE + "&size=100").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.content.length()").isEqualTo(0);
        }
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemDocument() {
        for (String path : List.of("/api/recipients/partners/a%2Fb", "/api/notifications/a%00b",
                "/api/recipients/partners/a%25b")) {
            raw().get().uri(at(path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Rejected request");
        }
    }

    @Test
    void theDirectoryListsArePagedLikeTheDeliveryLog() {
        coordinator().get().uri("/api/recipients/focus-groups?size=4").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(4)
                .jsonPath("$.totalElements").isEqualTo(6)
                .jsonPath("$.totalPages").isEqualTo(2);
        coordinator().get().uri("/api/recipients/focus-groups?page=1&size=4").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(2).jsonPath("$.page").isEqualTo(1);
        coordinator().get().uri("/api/recipients/partners?size=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(1)
                .jsonPath("$.totalElements").value(total -> org.assertj.core.api.Assertions
                        .assertThat(((Number) total).intValue()).isGreaterThan(1));
        coordinator().get().uri("/api/recipients/reviewers?size=2").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(2).jsonPath("$.totalPages").exists();
        coordinator().get().uri("/api/recipients/erasures?size=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(5).jsonPath("$.content").isArray();
    }

    /** The address exactly as written: a URI template would encode the '%' of "%20" again. */
    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Without the contract check: some of these addresses are no path of the API description at all. */
    private WebTestClient raw() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth("koordination", "demo")).build();
    }
}
