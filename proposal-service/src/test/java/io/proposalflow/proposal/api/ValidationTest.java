package io.proposalflow.proposal.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.proposal.ServiceTest;

class ValidationTest extends ServiceTest {

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        String marker = "Ungueltig" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = draftBody();
        body.put("summary", marker);
        body.put("title", " ");
        body.put("requestedBudgetEur", new BigDecimal("-1.00"));
        body.put("plannedStart", "2027-01-01");
        body.put("plannedEnd", "2026-12-31");
        body.put("goals", Collections.nCopies(21, "Ziel"));
        body.put("targetGroups", List.of());
        body.put("partners", List.of(Map.of("id", "Stiftung Neuerkerode", "name", "Stiftung Neuerkerode",
                "role", "Träger")));

        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'requestedBudgetEur')].message").isEqualTo("must not be negative")
                .jsonPath("$.errors[?(@.field == 'plannedEnd')].message").isEqualTo("must not be before plannedStart")
                .jsonPath("$.errors[?(@.field == 'goals')]").exists()
                .jsonPath("$.errors[?(@.field == 'targetGroups')]").exists()
                .jsonPath("$.errors[?(@.field == 'partners[0].id')]").exists();

        as(COORDINATOR).get().uri(u -> u.path("/api/proposals").queryParam("q", marker).build()).exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void aContactWithAPersonsAddressOrPhoneNumberIsRefusedAnOrganisationIsKept() {
        Map<String, Object> body = draftBody();
        body.put("contact", "Sabine Müller, sabine.mueller@example.org, Tel. 05321 76-0");
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("contact")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("organisation or a function").contains("e-mail address"));
        body.put("contact", "Tel. 05321 76-0");
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions
                        .assertThat((String) m).contains("phone number"));
        body.put("contact", "Fokusgruppe Arbeitswelt & Wirtschaft, Sprecherin");
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.contact").isEqualTo("Fokusgruppe Arbeitswelt & Wirtschaft, Sprecherin");
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefused() {
        Map<String, Object> body = draftBody();
        body.put("requestedBudgetEur", new BigDecimal("100.005"));
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("requestedBudgetEur")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("2 decimals"));
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        as(OWNER).post().uri("/api/proposals").bodyValue(Map.of("title", "Nur ein Titel")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'summary')]").exists()
                .jsonPath("$.errors[?(@.field == 'themenfeld')]").exists()
                .jsonPath("$.errors[?(@.field == 'requestedBudgetEur')]").exists()
                .jsonPath("$.errors[?(@.field == 'plannedStart')]").exists()
                .jsonPath("$.errors[?(@.field == 'plannedEnd')]").exists();
    }

    @Test
    void anUnknownThemenfeldOrFieldIsA400NamingIt() {
        Map<String, Object> body = draftBody();
        body.put("themenfeld", "SPORT");
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("themenfeld");

        Map<String, Object> unknown = draftBody();
        unknown.put("budget", 5);
        as(OWNER).post().uri("/api/proposals").bodyValue(unknown).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("budget");
    }

    @Test
    void anOversizedBodyIsA413() {
        Map<String, Object> body = draftBody();
        body.put("summary", "x".repeat(300 * 1024));
        as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void withdrawingNeedsAReason() {
        String id = createDraft(draftBody());
        as(OWNER).post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        org.assertj.core.api.Assertions.assertThat(load(id).getVersion()).isZero();
    }
}
