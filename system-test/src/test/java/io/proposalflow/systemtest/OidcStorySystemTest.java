package io.proposalflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.proposalflow.launcher.ApiClient;
import io.proposalflow.launcher.Ports;
import io.proposalflow.launcher.ProposalSystem;
import io.proposalflow.launcher.Service;
import io.proposalflow.launcher.SystemConfig;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.OidcProvider;
import tools.jackson.databind.JsonNode;

/**
 * The Neuerkerode story as a county runs it: the whole system trusts an OpenID Connect provider
 * (started by the test), the focus group signs in at the provider through the portal, drafts and
 * submits with its access token only, and the review opens. That the system started at all shows
 * the services' health is readable with an issuer configured; the demo users' Basic credentials are
 * refused.
 */
class OidcStorySystemTest {

    static final String CLIENT_ID = "proposalflow-portal";
    static OidcProvider provider;
    static ProposalSystem system;

    @BeforeAll
    static void startSystemBehindTheProvider() {
        provider = OidcProvider.start();
        Path root = Path.of(System.getProperty("proposalflow.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("system-test/target/oidc-run-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", provider.issuerUri());
        environment.put("PORTAL_OIDC_ISSUER_URI", provider.issuerUri());
        environment.put("PORTAL_OIDC_CLIENT_ID", CLIENT_ID);
        environment.put("PORTAL_OIDC_CLIENT_SECRET", "portal-secret");
        system = ProposalSystem.start(new SystemConfig(root, data, Ports.free(), SystemConfig.currentJava(),
                SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS, environment).withPortal());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theFocusGroupSignsInAtTheProviderAndItsProposalReachesTheReviewWithTokensOnly() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        String portal = system.portalUrl();

        provider.signInNextAs("anna.arbeitswelt", CLIENT_ID, OidcProvider.focusGroup("WORK_ECONOMY"), Duration.ofHours(1));
        // the portal sends the browser to the provider, which signs Anna in and sends her back (the
        // client follows at most five redirects: this is the sign-in part of the way)
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(portal
                + "/oauth2/authorization/portal")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.uri() + " " + signedIn.body()).isLessThan(400);
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(portal + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.uri().getPath()).as(start.statusCode() + " " + start.body()).isEqualTo("/proposals");
        assertThat(start.body()).contains("anna.arbeitswelt");

        String newDraft = get(browser, portal + "/proposals/new");
        Map<String, String> draft = new LinkedHashMap<>();
        draft.put("_csrf", field(newDraft, "_csrf"));
        draft.put("title", "Pflegeausbildung für alleinerziehende Migrantinnen öffnen");
        draft.put("summary", "Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung für alleinerziehende "
                + "Migrantinnen, mit Kinderbetreuung.");
        draft.put("themenfeld", "WORK_ECONOMY");
        draft.put("goals", "10 Ausbildungsplätze");
        draft.put("targetGroups", "alleinerziehende Migrantinnen");
        draft.put("requestedBudgetEur", "48.000,00");
        draft.put("plannedStart", "2027-09-01");
        draft.put("plannedEnd", "2028-08-31");
        HttpResponse<String> created = post(browser, portal + "/proposals", draft);
        assertThat(created.uri().getQuery()).as(created.body()).isEqualTo("notice=created");
        String id = created.uri().getPath().substring("/proposals/".length());

        String confirm = get(browser, portal + "/proposals/" + id + "/submit");
        HttpResponse<String> submitted = post(browser, portal + "/proposals/" + id + "/submit",
                Map.of("_csrf", field(confirm, "_csrf"), "version", field(confirm, "version")));
        assertThat(submitted.uri().getQuery()).isEqualTo("notice=submitted");

        // what the services recorded, read as the coordination with a token of the same provider
        ApiClient coordination = ApiClient.of(system.api(Service.PROPOSAL).baseUrl());
        String token = provider.token("kora.koordination", OidcProvider.coordinator());
        JsonNode proposal = Eventually.value("the proposal in review", Duration.ofSeconds(60),
                () -> coordination.send("GET", "/api/proposals/" + id, null,
                        Map.of("Authorization", "Bearer " + token)).expect(200),
                p -> "IN_REVIEW".equals(p.get("status").asString()));
        assertThat(proposal.get("createdBy").asString()).isEqualTo("anna.arbeitswelt");

        // the demo users of the embedded default are not accepted beside the issuer
        assertThat(system.api(Service.PROPOSAL).as("koordination").send("GET", "/api/proposals", null, Map.of())
                .status()).isEqualTo(401);
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        return page.body();
    }

    private static HttpResponse<String> post(HttpClient browser, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("a field " + name).isTrue();
        return m.group(1);
    }
}
