package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.testsupport.SecurityMatrix;

class AccessTest extends ServiceTest {

    @Test
    void withoutLoginEveryCallIsA401() {
        anonymous().get().uri("/api/proposals").exchange().expectStatus().isUnauthorized();
        anonymous().post().uri("/api/proposals").bodyValue(draftBody()).exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/statistics").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherFocusGroupsProposalIsNotFoundForEveryOperation() {
        String id = createDraft(draftBody());
        as(OTHER_GROUP).get().uri("/api/proposals/{id}", id).exchange().expectStatus().isNotFound();
        as(OTHER_GROUP).get().uri("/api/proposals/{id}/history", id).exchange().expectStatus().isNotFound();
        as(OTHER_GROUP).put().uri("/api/proposals/{id}", id).header("If-Match", "\"0\"").bodyValue(draftBody())
                .exchange().expectStatus().isNotFound();
        as(OTHER_GROUP).post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isNotFound();
        as(OTHER_GROUP).post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "x")).exchange()
                .expectStatus().isNotFound();
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(load(id).getVersion()).isZero();
    }

    @Test
    void aMissingProposalLooksExactlyLikeAnotherGroupsOne() {
        as(OWNER).get().uri("/api/proposals/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void aFocusGroupListsOnlyItsOwnThemenfeld() {
        String marker = "Sichtbar" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = draftBody();
        body.put("title", marker);
        createDraft(body);
        as(OTHER_GROUP).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalElements").isEqualTo(0);
        as(OTHER_GROUP).get().uri(u -> u.path("/api/proposals").queryParam("q", marker)
                .queryParam("themenfeld", "WORK_ECONOMY").build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalElements").isEqualTo(0);
        as(OWNER).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalElements").isEqualTo(1);
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalElements").isEqualTo(1);
    }

    @Test
    void aFocusGroupDraftsOnlyInItsOwnThemenfeld() {
        String marker = "Fremd" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = draftBody();
        body.put("title", marker);
        body.put("themenfeld", "HEALTH");
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("A focus group drafts proposals of its own Themenfeld only (WORK_ECONOMY).");
        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void theCoordinatorReadsEveryProposalButDoesNotAuthorThem() {
        String id = createDraft(draftBody());
        as(COORDINATOR).get().uri("/api/proposals/{id}", id).exchange().expectStatus().isOk();
        as(COORDINATOR).get().uri("/api/proposals/{id}/history", id).exchange().expectStatus().isOk();
        as(COORDINATOR).post().uri("/api/proposals").bodyValue(draftBody()).exchange().expectStatus().isForbidden();
        as(COORDINATOR).post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isForbidden();
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void aReviewerHasNoBusinessInTheProposalApi() {
        String id = createDraft(draftBody());
        as(REVIEWER).get().uri("/api/proposals").exchange().expectStatus().isForbidden();
        as(REVIEWER).get().uri("/api/proposals/{id}", id).exchange().expectStatus().isForbidden();
        as(REVIEWER).post().uri("/api/proposals").bodyValue(draftBody()).exchange().expectStatus().isForbidden();
        as(REVIEWER).get().uri("/api/statistics").exchange().expectStatus().isForbidden();
    }

    @Test
    void onlyTheCoordinatorReportsFundingAndReadsKeyFigures() {
        UUID id = givenProposalIn(ProposalStatus.APPROVED);
        as(OWNER).put().uri("/api/proposals/{id}/funding-application", id).bodyValue(FundingTest.applied())
                .exchange().expectStatus().isForbidden();
        as(OWNER).get().uri("/api/statistics").exchange().expectStatus().isForbidden();
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void withoutLoginEveryOperationOfTheApiDescriptionIsA401() {
        SecurityMatrix.assertEveryOperationNeedsALogin("proposal-service",
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port).build());
    }
}
