package io.proposalflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

import io.proposalflow.testsupport.OidcProvider;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The portal as a county runs it: people sign in at the identity provider (a real OpenID Connect
 * provider started by the test), the portal relays their access token to the services and never
 * sends a password, and signing out ends the provider's session too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PortalOidcTest {

    static final String CLIENT_ID = "proposalflow-portal";
    static final OidcProvider PROVIDER = OidcProvider.start();
    static final UUID ID = UUID.fromString("6f1c2d3e-0000-4000-8000-00000000a001");
    static volatile String status = "DRAFT";

    static final StubServices PROPOSALS = new StubServices((uri, user) -> {
        if (!user.equals("anna.arbeitswelt")) {
            return StubServices.FORBIDDEN;
        }
        if (uri.equals("/api/proposals/" + ID + "/submit")) {
            status = "SUBMITTED";
        }
        if (uri.equals("/api/proposals") || uri.startsWith("/api/proposals/" + ID + "/submit")
                || uri.equals("/api/proposals/" + ID)) {
            return new StubServices.Answer(uri.equals("/api/proposals") ? 201 : 200, proposal(status));
        }
        if (uri.equals("/api/proposals/" + ID + "/history")) {
            return new StubServices.Answer(200, "[]");
        }
        return new StubServices.Answer(200, StubServices.EMPTY_PAGE);
    });
    static final StubServices REVIEWS = new StubServices((uri, user) -> StubServices.FORBIDDEN);
    static final StubServices NOTIFICATIONS = new StubServices((uri, user) -> StubServices.FORBIDDEN);

    @DynamicPropertySource
    static void servicesAndProvider(DynamicPropertyRegistry registry) {
        registry.add("portal.proposal-service", PROPOSALS::url);
        registry.add("portal.review-service", REVIEWS::url);
        registry.add("portal.notification-service", NOTIFICATIONS::url);
        registry.add("portal.oidc.issuer-uri", PROVIDER::issuerUri);
        registry.add("portal.oidc.client-id", () -> CLIENT_ID);
        registry.add("portal.oidc.client-secret", () -> "portal-secret");
    }

    @AfterAll
    static void stop() {
        PROPOSALS.close();
        REVIEWS.close();
        NOTIFICATIONS.close();
        PROVIDER.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void theFocusGroupSignsInAtTheProviderDraftsAndSubmitsWithItsTokenOnly() {
        Browser anna = new Browser();
        EntityExchangeResult<byte[]> start = anna.get("/");
        assertThat(start.getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/portal");

        // authorization code with PKCE: the provider is asked with a S256 challenge
        URI authorize = anna.get("/oauth2/authorization/portal").getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(PROVIDER.issuerUri());
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge");
        assertThat(query.get("scope")).contains("openid");

        PROVIDER.signInNextAs("anna.arbeitswelt", CLIENT_ID, OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofHours(1));
        anna.signInAtProvider(authorize);
        assertThat(anna.get("/").getResponseHeaders().getLocation()).hasToString("/proposals");
        assertThat(anna.page("/proposals")).contains("anna.arbeitswelt");

        // the Themenfeld comes from the focus_group claim
        assertThat(anna.page("/proposals/new")).containsPattern("value=\"WORK_ECONOMY\"[^>]*(checked|selected)");
        MultiValueMap<String, String> draft = new LinkedMultiValueMap<>();
        draft.add("_csrf", anna.csrf("/proposals/new"));
        draft.add("title", "Pflegeausbildung für alleinerziehende Migrantinnen öffnen");
        draft.add("summary", "Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung, mit Kinderbetreuung.");
        draft.add("themenfeld", "WORK_ECONOMY");
        draft.add("goals", "10 Ausbildungsplätze");
        draft.add("targetGroups", "alleinerziehende Migrantinnen");
        draft.add("requestedBudgetEur", "48.000,00");
        draft.add("plannedStart", "2026-09-01");
        draft.add("plannedEnd", "2027-08-31");
        assertThat(anna.post("/proposals", draft).getResponseHeaders().getLocation())
                .hasToString("/proposals/" + ID + "?notice=created");

        MultiValueMap<String, String> submit = new LinkedMultiValueMap<>();
        submit.add("_csrf", anna.csrf("/proposals/" + ID + "/submit"));
        submit.add("version", "0");
        assertThat(anna.post("/proposals/" + ID + "/submit", submit).getResponseHeaders().getLocation())
                .hasToString("/proposals/" + ID + "?notice=submitted");
        assertThat(PROPOSALS.requests).contains("POST /api/proposals", "POST /api/proposals/" + ID + "/submit");

        // every call carried Anna's access token for the API, none a password
        assertThat(PROPOSALS.authorizations).isNotEmpty().allSatisfy(header -> {
            assertThat(header).startsWith("Bearer ");
            var claims = StubServices.claims(header.substring(7));
            assertThat(claims.get("sub").asString()).isEqualTo("anna.arbeitswelt");
            assertThat(claims.get("iss").asString()).isEqualTo(PROVIDER.issuerUri());
            assertThat(claims.get("aud").toString()).contains(OidcProvider.AUDIENCE);
        });
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedBeforeItIsRelayed() {
        Browser anna = new Browser();
        URI authorize = anna.get("/oauth2/authorization/portal").getResponseHeaders().getLocation();
        // valid for 30 s: within the minute ahead in which the portal refreshes
        PROVIDER.signInNextAs("anna.arbeitswelt", CLIENT_ID, OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofSeconds(30));
        anna.signInAtProvider(authorize);
        drainProviderRequests();
        anna.page("/proposals");
        assertThat(providerRequests()).anySatisfy(body -> assertThat(body).contains("grant_type=refresh_token"));
    }

    @Test
    void signingOutEndsThePortalSessionAndTheProvidersSession() {
        Browser anna = new Browser();
        URI authorize = anna.get("/oauth2/authorization/portal").getResponseHeaders().getLocation();
        PROVIDER.signInNextAs("anna.arbeitswelt", CLIENT_ID, OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofHours(1));
        anna.signInAtProvider(authorize);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", anna.csrf("/proposals/new"));
        URI logout = anna.post("/logout", form).getResponseHeaders().getLocation();
        assertThat(logout.toString()).startsWith(PROVIDER.issuerUri());
        Map<String, String> query = UriComponentsBuilder.fromUri(logout).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsKey("id_token_hint").containsEntry("client_id", CLIENT_ID);
        assertThat(java.net.URLDecoder.decode(query.get("post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .endsWith("/login?logout");
        // the portal's session is gone: the next page starts a new sign-in
        assertThat(anna.get("/proposals").getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/portal");
    }

    @Test
    void someoneTheProviderKnowsButWithoutAPortalRoleIsNotSignedIn() {
        Browser mallory = new Browser();
        URI authorize = mallory.get("/oauth2/authorization/portal").getResponseHeaders().getLocation();
        PROVIDER.signInNextAs("mallory", CLIENT_ID, Map.of("roles", List.of("ADMIN")), Duration.ofHours(1));
        URI callback = WebTestClient.bindToServer().build().get().uri(authorize).exchange()
                .expectBody().returnResult().getResponseHeaders().getLocation();
        assertThat(mallory.remember(web.get().uri(callback).headers(mallory::send).exchange().expectBody()
                .returnResult()).getResponseHeaders().getLocation()).hasToString("/login?error");
        assertThat(mallory.page("/login?error")).contains("keine Rolle in diesem Portal");
        assertThat(mallory.get("/proposals").getResponseHeaders().getLocation())
                .hasToString("/oauth2/authorization/portal");
    }

    @Test
    void theSignInPageOffersTheProviderInsteadOfTheDemoForm() {
        String page = new Browser().page("/login");
        assertThat(page).contains("href=\"/oauth2/authorization/portal\"").doesNotContain("name=\"password\"");
    }

    private static void drainProviderRequests() {
        providerRequests();
    }

    /** What the provider was asked since the last look (path and form body of each request). */
    private static List<String> providerRequests() {
        List<String> bodies = new java.util.ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = PROVIDER.server().takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException noneWithinTimeout) {
                return bodies;
            }
            bodies.add(request.getPath() + " " + request.getBody().readUtf8());
        }
    }

    private static String proposal(String status) {
        return """
                {"id":"%s","reference":"P-2026-0001","version":%d,"status":"%s","round":1,
                 "title":"Pflegeausbildung für alleinerziehende Migrantinnen öffnen",
                 "summary":"Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung, mit Kinderbetreuung.",
                 "themenfeld":"WORK_ECONOMY","themenfeldLabel":"Arbeitswelt & Wirtschaft",
                 "goals":["10 Ausbildungsplätze"],"targetGroups":["alleinerziehende Migrantinnen"],"partners":[],
                 "requestedBudgetEur":48000.00,"plannedStart":"2026-09-01","plannedEnd":"2027-08-31",
                 "fundingProgramme":null,"contact":null,"fundingApplication":null,"createdBy":"anna.arbeitswelt",
                 "createdAt":"2026-11-29T10:00:00Z","updatedAt":"2026-11-29T10:00:00Z",
                 "allowedActions":%s,"reviewFeedback":[]}"""
                .formatted(ID, status.equals("DRAFT") ? 0 : 1, status,
                        status.equals("DRAFT") ? "[\"edit\",\"submit\",\"withdraw\"]" : "[\"withdraw\"]");
    }

    /** One browser: its portal session cookie, and the hop to the provider and back. */
    final class Browser {

        private String cookie;

        void signInAtProvider(URI authorize) {
            URI callback = WebTestClient.bindToServer().build().get().uri(authorize).exchange()
                    .expectStatus().is3xxRedirection()
                    .expectBody().returnResult().getResponseHeaders().getLocation();
            assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/portal");
            // as the browser would send it, without encoding it again
            EntityExchangeResult<byte[]> signedIn = remember(web.get().uri(callback).headers(this::send).exchange()
                    .expectBody().returnResult());
            assertThat(signedIn.getResponseHeaders().getLocation()).as("after the provider's login").hasToString("/");
        }

        String csrf(String path) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page(path));
            assertThat(m.find()).as("a CSRF field on " + path).isTrue();
            return m.group(1);
        }

        EntityExchangeResult<byte[]> get(String path) {
            return remember(web.get().uri(path).headers(this::send).exchange().expectBody().returnResult());
        }

        String page(String path) {
            EntityExchangeResult<byte[]> result = get(path);
            assertThat(result.getStatus().value()).as(path).isEqualTo(200);
            return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        }

        EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form) {
            return remember(web.post().uri(path).headers(this::send).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form)).exchange().expectBody().returnResult());
        }

        private void send(org.springframework.http.HttpHeaders headers) {
            if (cookie != null) {
                headers.add("Cookie", cookie);
            }
        }

        private EntityExchangeResult<byte[]> remember(EntityExchangeResult<byte[]> result) {
            List<String> set = result.getResponseHeaders().get("Set-Cookie");
            if (set != null) {
                set.stream().filter(c -> c.startsWith("PORTAL_SESSION=")).findFirst()
                        .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            }
            return result;
        }
    }
}
