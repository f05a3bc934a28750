package io.proposalflow.proposal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.persistence.ProposalDocument;
import io.proposalflow.testsupport.OidcProvider;
import io.proposalflow.testsupport.WithTestBackends;

/**
 * proposal-service as a county runs it: behind its identity provider. The service trusts a real
 * OpenID Connect provider started by the test (discovery, JWKS) and accepts only its tokens for the
 * audience proposalflow-api; HTTP Basic is off because an issuer is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestBackends
class OidcAccessTest {

    static final OidcProvider PROVIDER = OidcProvider.start();

    @DynamicPropertySource
    static void trustTheProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuerUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient withToken(String token) {
        return client().mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    @Test
    void healthIsReadableWithoutATokenSoTheLauncherAndComposeSeeTheServiceUp() {
        client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void theFocusGroupDraftsWithATokenOfTheProvider() {
        String token = PROVIDER.token("anna.arbeitswelt", OidcProvider.focusGroup("WORK_ECONOMY"));
        withToken(token).post().uri("/api/proposals").bodyValue(draft("Mit Token")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.themenfeld").isEqualTo("WORK_ECONOMY");
    }

    @Test
    void theDemoUsersOfHttpBasicAreRefusedOnceAnIssuerIsConfigured() {
        client().get().uri("/api/proposals").headers(h -> h.setBasicAuth("koordination", "demo")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAndNothingIsWritten() {
        String token = PROVIDER.token("some-other-realm", "anna.arbeitswelt", OidcProvider.AUDIENCE,
                OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofHours(1));
        refusedWith401(token, "Fremder Aussteller");
    }

    @Test
    void anExpiredTokenIsRefusedAndNothingIsWritten() {
        String token = PROVIDER.token(OidcProvider.ISSUER_ID, "anna.arbeitswelt", OidcProvider.AUDIENCE,
                OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofMinutes(-10));
        refusedWith401(token, "Abgelaufen");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAndNothingIsWritten() {
        String token = PROVIDER.token(OidcProvider.ISSUER_ID, "anna.arbeitswelt", "some-other-api",
                OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofHours(1));
        refusedWith401(token, "Andere Zielgruppe");
    }

    @Test
    void aFocusGroupMemberWithoutFocusGroupClaimIsRefusedAndNothingIsWritten() {
        String token = PROVIDER.token("anna.ohne-gruppe", Map.of("roles", List.of("FOCUS_GROUP")));
        String title = "Ohne Fokusgruppe " + System.nanoTime();
        withToken(token).post().uri("/api/proposals").bodyValue(draft(title)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertNothingWritten(title);
    }

    @Test
    void anUnknownRoleGrantsNothingAndNothingIsWritten() {
        String token = PROVIDER.token("mallory", Map.of("roles", List.of("ADMIN"), "focus_group", "WORK_ECONOMY"));
        String title = "Unbekannte Rolle " + System.nanoTime();
        withToken(token).post().uri("/api/proposals").bodyValue(draft(title)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        withToken(token).get().uri("/api/statistics").exchange()
                .expectStatus().isForbidden();
        assertNothingWritten(title);
    }

    private void refusedWith401(String token, String titlePrefix) {
        String title = titlePrefix + " " + System.nanoTime();
        withToken(token).post().uri("/api/proposals").bodyValue(draft(title)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        withToken(token).get().uri("/api/proposals").exchange().expectStatus().isUnauthorized();
        assertNothingWritten(title);
    }

    private void assertNothingWritten(String title) {
        assertThat(mongo.count(Query.query(Criteria.where("content.title").is(title)), ProposalDocument.class).block())
                .isZero();
    }

    private static Map<String, Object> draft(String title) {
        Map<String, Object> body = ServiceTestDrafts.validDraft();
        body.put("title", title);
        return body;
    }

    /** The valid draft of the Basic tests, reused here. */
    abstract static class ServiceTestDrafts extends ServiceTest {
        static Map<String, Object> validDraft() {
            return ServiceTest.draftBody();
        }
    }
}
