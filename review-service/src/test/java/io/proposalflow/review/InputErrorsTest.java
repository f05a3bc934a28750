package io.proposalflow.review;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.platform.web.PageQuery;

/**
 * What an API fuzzer sent: every input error is a 4xx problem document, never a 500 or an empty body,
 * and every list is paged the same way.
 */
class InputErrorsTest extends ReviewServiceTestBase {

    @Test
    void aBlankPathSegmentIsABadRequestNamingTheSegment() {
        expectInvalid("koordination", HttpMethod.GET, "/api/reviews/%20", "id", "must be a UUID");
        expectInvalid("rev-kvhs", HttpMethod.POST, "/api/reviews/%20/decisions", "id", "must be a UUID");
        expectInvalid("koordination", HttpMethod.POST, "/api/reviews/%20/assignments", "id", "must be a UUID");
        expectInvalid("koordination", HttpMethod.GET, "/api/reviews/%20/reviewers", "id", "must be a UUID");
        expectInvalid("koordination", HttpMethod.GET, "/api/panels/%20", "themenfeld", "must be one of "
                + "HEALTH, VOLUNTEERING, LOCAL_LIVING, EMPOWERMENT, WORK_ECONOMY, EDUCATION_LANGUAGE");
    }

    @Test
    void aPageBeyondWhatTheDatabaseCanSkipIsRefused() {
        raw("koordination").get().uri("/api/reviews?page=21474837&size=100").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        as("koordination").get().uri("/api/reviews?page=" + PageQuery.MAX_PAGE + "&size=100").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(0);
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemDocument() {
        for (String path : List.of("/api/panels/a%2Fb", "/api/reviews/a%00b", "/api/panels/a%25b")) {
            raw("koordination").get().uri(at(path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Rejected request");
        }
    }

    @Test
    void thePanelsArePagedLikeEveryOtherList() {
        as("koordination").get().uri("/api/panels?size=4").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(4)
                .jsonPath("$.content[0].themenfeld").isEqualTo("HEALTH")
                .jsonPath("$.totalElements").isEqualTo(6)
                .jsonPath("$.totalPages").isEqualTo(2);
        as("koordination").get().uri("/api/panels?page=1&size=4").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.content[1].themenfeld").isEqualTo("EDUCATION_LANGUAGE");
    }

    private void expectInvalid(String user, HttpMethod method, String path, String field, String message) {
        raw(user).method(method).uri(at(path)).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    /** The address exactly as written: a URI template would encode the '%' of "%20" again. */
    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Without the contract check: some of these addresses are no path of the API description at all. */
    private WebTestClient raw(String user) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "demo")).build();
    }
}
