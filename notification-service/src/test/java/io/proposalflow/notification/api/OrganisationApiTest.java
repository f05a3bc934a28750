package io.proposalflow.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.platform.web.PageResponse;

/** A focus group chooses its proposal's partners from the directory, and sees no contact person there. */
class OrganisationApiTest extends IntegrationTest {

    private static final ParameterizedTypeReference<PageResponse<OrganisationController.OrganisationResponse>> PAGE =
            new ParameterizedTypeReference<>() { };

    @Test
    void aFocusGroupReadsThePartnerOrganisationsByNameWithoutTheirContacts() {
        String body = client().get().uri("/api/organisations?size=100")
                .headers(h -> h.setBasicAuth("fg-gesundheit", "demo"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"id\":\"stiftung-neuerkerode\"", "\"name\":\"Stiftung Neuerkerode\"")
                .doesNotContain(ANNA).doesNotContain("contacts").doesNotContain("@");
    }

    @Test
    void theOrganisationsComeInPagesSortedByName() {
        PageResponse<OrganisationController.OrganisationResponse> first = client().get()
                .uri("/api/organisations?page=0&size=2").headers(h -> h.setBasicAuth("rev-kvhs", "demo"))
                .exchange().expectStatus().isOk().expectBody(PAGE).returnResult().getResponseBody();
        PageResponse<OrganisationController.OrganisationResponse> all = coordinator().get()
                .uri("/api/organisations?size=100").exchange().expectBody(PAGE).returnResult().getResponseBody();

        assertThat(first.content()).hasSize(2);
        assertThat(first.totalElements()).isEqualTo(all.totalElements()).isGreaterThan(2);
        List<String> names = all.content().stream().map(OrganisationController.OrganisationResponse::name).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo);
        assertThat(first.content()).containsExactlyElementsOf(all.content().subList(0, 2));
    }

    @Test
    void nobodyReadsThemWithoutSigningIn() {
        client().get().uri("/api/organisations").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/organisations?size=1000").headers(h -> h.setBasicAuth("fg-gesundheit", "demo"))
                .exchange().expectStatus().isBadRequest();
    }
}
