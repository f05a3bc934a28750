package io.proposalflow.proposal.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.proposal.ServiceTest;

/**
 * What an API fuzzer sent a partner's way: every input error is a 4xx problem document, never a 500
 * or an empty body, and every list is paged the same way.
 */
class InputErrorsTest extends ServiceTest {

    @Test
    void aBlankProposalIdIsABadRequestNamingTheSegment() {
        for (String path : List.of("/api/proposals/%20", "/api/proposals/%20/history",
                "/api/proposals/%20/submit", "/api/proposals/%20/funding-application")) {
            String method = path.endsWith("submit") ? "POST" : path.endsWith("application") ? "PUT" : "GET";
            raw(path.endsWith("application") ? COORDINATOR : OWNER).method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(at(path)).contentType(MediaType.APPLICATION_JSON).bodyValue(FundingTest.applied())
                    .header("If-Match", "\"1\"").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("id")
                    .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
        }
    }

    @Test
    void aPageBeyondWhatTheDatabaseCanSkipIsRefusedBeforeItReachesTheDatabase() {
        raw(COORDINATOR).get().uri("/api/proposals?page=21474837&size=100").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 0 and " + PageQuery.MAX_PAGE);
        as(COORDINATOR).get().uri("/api/proposals?page=" + PageQuery.MAX_PAGE + "&size=100").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(0);
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemDocument() {
        for (String path : List.of("/api/proposals/a%2Fb", "/api/proposals/a%00b", "/api/proposals/a%25b")) {
            raw(COORDINATOR).get().uri(at(path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Rejected request")
                    .jsonPath("$.status").isEqualTo(400);
        }
    }

    @Test
    void theHistoryIsPagedLikeEveryOtherList() {
        String id = createDraft(draftBody());
        as(OWNER).post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isOk();
        as(OWNER).post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "Doppelt beantragt"))
                .exchange().expectStatus().isOk();

        as(OWNER).get().uri("/api/proposals/{id}/history?size=2", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].what").isEqualTo("DRAFTED")
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.totalElements").isEqualTo(3)
                .jsonPath("$.totalPages").isEqualTo(2);
        as(OWNER).get().uri("/api/proposals/{id}/history?page=1&size=2", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].to").isEqualTo("WITHDRAWN");
        as(OWNER).get().uri("/api/proposals/{id}/history?size=0", id).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
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
