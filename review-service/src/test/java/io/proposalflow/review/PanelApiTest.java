package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Coordinators manage the panels; demo panels exist on a fresh database. */
class PanelApiTest extends ReviewServiceTestBase {

    @Test
    void aFreshDatabaseHasDemoPanelsForAllSixThemenfelder() {
        as("koordination").get().uri("/api/panels").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(6)
                .jsonPath("$.totalElements").isEqualTo(6)
                .jsonPath("$.content[?(@.themenfeld == 'WORK_ECONOMY')].label").isEqualTo("Arbeitswelt & Wirtschaft");
        as("koordination").get().uri("/api/panels/WORK_ECONOMY").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reviewers[*].id").value(ids -> assertThat((List<Object>) ids)
                        .contains("rev-jobcenter", "rev-neuerkerode", "rev-arbeitswelt", "rev-kvhs", "rev-migration"))
                .jsonPath("$.reviewers[?(@.id == 'rev-arbeitswelt')].focusGroup").isEqualTo("WORK_ECONOMY");
    }

    @Test
    void aCoordinatorReplacesAPanel() {
        Map<String, Object> body = Map.of("reviewers", List.of(
                Map.of("id", "rev-gesundheit", "displayName", "Gesundheitsamt", "affiliations",
                        List.of("gesundheitsamt-goslar")),
                Map.of("id", "rev-wohnen", "displayName", "Fokusgruppe Wohnen", "focusGroup", "LOCAL_LIVING")));

        as("koordination").put().uri("/api/panels/VOLUNTEERING").bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers.length()").isEqualTo(2);

        as("koordination").get().uri("/api/panels/VOLUNTEERING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reviewers[0].id").isEqualTo("rev-gesundheit")
                .jsonPath("$.reviewers[0].affiliations[0]").isEqualTo("gesundheitsamt-goslar")
                .jsonPath("$.reviewers[1].focusGroup").isEqualTo("LOCAL_LIVING");
    }

    @Test
    void invalidPanelsAreRefusedFieldByField() {
        as("koordination").put().uri("/api/panels/HEALTH")
                .bodyValue(Map.of("reviewers", List.of(Map.of("id", " ", "displayName", "x"))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(f -> assertThat((String) f).contains("id"));
        as("koordination").put().uri("/api/panels/HEALTH")
                .bodyValue(Map.of("reviewers", List.of(Map.of("id", "a", "displayName", "A"),
                        Map.of("id", "a", "displayName", "A again"))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reviewers");
        as("koordination").get().uri("/api/panels/HEALTH").exchange()
                .expectBody().jsonPath("$.reviewers[0].id").isEqualTo("rev-gesundheit");
    }

    @Test
    void onlyCoordinatorsSeePanels() {
        as("rev-kvhs").get().uri("/api/panels").exchange().expectStatus().isForbidden();
        as("rev-kvhs").put().uri("/api/panels/HEALTH").bodyValue(Map.of("reviewers", List.of()))
                .exchange().expectStatus().isForbidden();
        anonymous().get().uri("/api/panels").exchange().expectStatus().isUnauthorized();
    }
}
