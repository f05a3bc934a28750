package io.proposalflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The portal's pages against stand-ins of the three services: sign-in and its cookie, CSRF, who may
 * open which page, and what a page says when a service cannot be reached. The browser stories in
 * system-test walk the same pages against the real services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PortalPagesTest {

    static final StubServices PROPOSALS = new StubServices((uri, user) -> {
        if (user.startsWith("rev-")) {
            return StubServices.FORBIDDEN;
        }
        if (uri.startsWith("/api/statistics")) {
            return user.equals("koordination") ? new StubServices.Answer(200, """
                    {"threshold":5,"proposals":{"value":12,"suppressed":false},
                     "countsByThemenfeld":{"WORK_ECONOMY":{"FUNDED":{"suppressed":true},"IN_REVIEW":{"suppressed":true}},
                       "LOCAL_LIVING":{"IN_REVIEW":{"value":7,"suppressed":false}}},
                     "totalsByThemenfeld":{"WORK_ECONOMY":{"value":5,"suppressed":false},
                       "LOCAL_LIVING":{"value":7,"suppressed":false}},
                     "totalsByStatus":{"FUNDED":{"suppressed":true},"IN_REVIEW":{"suppressed":true}},
                     "decided":{"value":6,"suppressed":false},"approved":{"suppressed":true},
                     "approvalRate":{"suppressed":true},"medianDaysToDecision":{"value":4.0,"suppressed":false},
                     "fundingByProgramme":[{"programme":"ESF Plus Niedersachsen","applications":{"value":6,"suppressed":false},
                       "granted":{"value":5,"suppressed":false},"requestedEur":{"value":185000.00,"suppressed":false},
                       "grantedEur":{"value":180000.00,"suppressed":false}}]}""") : StubServices.FORBIDDEN;
        }
        return new StubServices.Answer(200, StubServices.EMPTY_PAGE);
    });
    /** A case review-service does not show rev-kvhs (it answers 404 for cases not assigned to the caller). */
    static final String NOT_ASSIGNED = "00000000-0000-0000-0000-000000000404";
    static final StubServices REVIEWS = new StubServices((uri, user) -> user.startsWith("fg-")
            ? StubServices.FORBIDDEN
            : uri.startsWith("/api/panels") ? new StubServices.Answer(200, """
                    {"content":[{"themenfeld":"HEALTH","label":"Gesundheit","reviewers":[{"id":"rev-gesundheit",
                      "displayName":"Dr. Greta Hahn","focusGroup":null,"affiliations":["gesundheitsamt-goslar"]}]}],
                     "page":0,"size":100,"totalElements":1,"totalPages":1}""")
            : uri.equals("/api/reviews/" + NOT_ASSIGNED) ? new StubServices.Answer(404, "{\"detail\":\"not found\"}")
            : new StubServices.Answer(200, StubServices.EMPTY_PAGE));
    static final StubServices NOTIFICATIONS = new StubServices((uri, user) -> !user.equals("koordination")
            ? StubServices.FORBIDDEN
            : uri.endsWith("/contacts/c-1/export") ? new StubServices.Answer(200, """
                    {"organisationId":"gesundheitsamt-goslar","contactId":"c-1","inDirectory":true,
                     "name":"Thomas Krüger","email":"thomas.krueger@example.org","deliveries":[],"erasures":[]}""")
            : uri.startsWith("/api/recipients/partners/gesundheitsamt-goslar") ? new StubServices.Answer(200, """
                    {"id":"gesundheitsamt-goslar","name":"Gesundheitsamt Goslar","version":1,"contacts":[
                      {"id":"c-1","name":"Thomas Krüger","email":"thomas.krueger@example.org","language":"DE"}]}""")
            // the directory in two pages: the portal reads them all
            : uri.equals("/api/recipients/partners?page=0&size=100") ? new StubServices.Answer(200, """
                    {"content":[{"id":"caritas-goslar","name":"Caritasverband Goslar","version":1,"contacts":[]}],
                     "page":0,"size":100,"totalElements":2,"totalPages":2}""")
            : uri.equals("/api/recipients/partners?page=1&size=100") ? new StubServices.Answer(200, """
                    {"content":[{"id":"tafel-goslar","name":"Tafel Goslar","version":1,"contacts":[]}],
                     "page":1,"size":100,"totalElements":2,"totalPages":2}""")
            : new StubServices.Answer(200, StubServices.EMPTY_PAGE));

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.proposal-service", PROPOSALS::url);
        registry.add("portal.review-service", REVIEWS::url);
        registry.add("portal.notification-service", NOTIFICATIONS::url);
    }

    @AfterAll
    static void stopStubs() {
        PROPOSALS.close();
        REVIEWS.close();
        NOTIFICATIONS.close();
    }

    @Autowired
    WebTestClient web;

    @BeforeEach
    void servicesUp() {
        PROPOSALS.down = false;
        REVIEWS.down = false;
        NOTIFICATIONS.down = false;
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteLaxSessionCookieAndLeadsToTheRolesStartPage() {
        PageSession session = new PageSession(web);
        EntityExchangeResult<byte[]> answer = session.signIn("fg-arbeitswelt", "demo");
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/");
        assertThat(answer.getResponseHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("PORTAL_SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
        assertThat(session.get("/").getResponseHeaders().getLocation()).hasToString("/proposals");
        assertThat(session.page("/proposals")).contains("Meine Vorschläge").contains("fg-arbeitswelt");
    }

    @Test
    void aWrongPasswordIsRefusedInPlainWords() {
        PageSession session = new PageSession(web);
        assertThat(session.signIn("fg-arbeitswelt", "falsch").getResponseHeaders().getLocation())
                .hasToString("/login?error");
        assertThat(session.page("/login?error")).contains("Benutzername oder Passwort stimmen nicht");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "koordination");
        form.add("password", "demo");
        web.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isForbidden();
    }

    @Test
    void eachRoleOpensOnlyItsOwnPages() {
        PageSession focusGroup = new PageSession(web);
        focusGroup.signIn("fg-wohnen", "demo");
        focusGroup.status("/coordination", 403);
        focusGroup.status("/reviews", 403);
        focusGroup.status("/proposals/new", 200);

        PageSession reviewer = new PageSession(web);
        reviewer.signIn("rev-kvhs", "demo");
        assertThat(reviewer.get("/").getResponseHeaders().getLocation()).hasToString("/reviews");
        reviewer.status("/proposals/new", 403);
        reviewer.status("/coordination/partners", 403);
        assertThat(reviewer.page("/reviews")).contains("Sie haben keine offenen Begutachtungen");

        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        assertThat(coordination.get("/").getResponseHeaders().getLocation()).hasToString("/coordination");
        coordination.status("/proposals/new", 403);
        assertThat(coordination.page("/coordination")).contains("Kennzahlen des Programms")
                .contains("ESF Plus Niedersachsen").contains("180.000,00\u00a0€").contains("<svg");
    }

    /** The services page every list; the portal reads all pages of the directory and the panels. */
    @Test
    void theCoordinationSeesEveryPartnerAndPanelOfThePagedLists() {
        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        assertThat(coordination.page("/coordination/partners")).contains("Caritasverband Goslar")
                .contains("Tafel Goslar");
        assertThat(coordination.page("/coordination/panels")).contains("Dr. Greta Hahn");
    }

    @Test
    void theCoordinationSeesSuppressedKeyFiguresAsSuppressedWithTheReasonInGermanAndEnglish() {
        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        String page = coordination.page("/coordination");
        assertThat(page).contains("Zum Schutz der Beteiligten zeigt diese Seite keine Zahl, die weniger als 5 Vorschläge zählt")
                .contains("unterdrückt (weniger als 5 oder rückrechenbar)")
                .containsPattern("id=\"kpi-proposals\">12<")
                .containsPattern("id=\"kpi-approved\">unterdrückt<")
                .contains("chart-status");
        coordination.get("/language?lang=en&back=/coordination");
        String english = coordination.page("/coordination");
        assertThat(english).contains("this page shows no figure that counts fewer than 5 proposals")
                .contains("suppressed (fewer than 5, or would reveal one)");
    }

    @Test
    void aCaseNotAssignedToTheReviewerIsNotFoundAndTheHeaderStaysIntact() {
        PageSession reviewer = new PageSession(web);
        reviewer.signIn("rev-kvhs", "demo");
        EntityExchangeResult<byte[]> page = reviewer.get("/reviews/" + NOT_ASSIGNED);
        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(new String(page.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Nicht gefunden").contains("rev-kvhs").contains("Abmelden");
    }

    @Test
    void aServiceThatIsDownIsNamedInPlainGermanAndTheOtherPagesKeepWorking() {
        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        REVIEWS.down = true;
        EntityExchangeResult<byte[]> panels = coordination.get("/coordination/panels");
        assertThat(panels.getStatus().value()).isEqualTo(503);
        assertThat(new String(panels.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Die Begutachtung ist gerade nicht erreichbar. Ihre Eingaben sind nicht verloren.")
                .contains("Abmelden");
        assertThat(coordination.page("/coordination")).contains("Kennzahlen des Programms");
    }

    @Test
    void signingInWhileAServiceIsDownSaysSoInsteadOfBlamingThePassword() {
        PROPOSALS.down = true;
        assertThat(new PageSession(web).signIn("koordination", "demo").getResponseHeaders().getLocation())
                .hasToString("/login?unavailable");
    }

    @Test
    void rejectingWithoutACommentIsShownBeforeAnythingIsSent() {
        PageSession reviewer = new PageSession(web);
        reviewer.signIn("rev-kvhs", "demo");
        String csrf = reviewer.csrf("/reviews");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        List.of("need", "feasibility", "integrationImpact", "sustainability").forEach(c -> form.add(c, "3"));
        form.add("decision", "REJECT");
        form.add("comment", "");
        form.add("_csrf", csrf);
        REVIEWS.requests.clear();
        reviewer.post("/reviews/0b0c5b9e-2c1e-4c4e-9a55-111111111111", form);
        assertThat(REVIEWS.requests).as("no decision was sent").noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void aContactPersonIsChangedOnlyWithAValidAddressAndWhatWasTypedIsKept() {
        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        String path = "/coordination/partners/gesundheitsamt-goslar/contacts/c-1/edit";
        assertThat(coordination.page(path)).contains("Thomas Krüger").contains("thomas.krueger@example.org");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "Thomas Krüger-Meyer");
        form.add("email", "kein-gueltiger-eintrag");
        form.add("language", "EN");
        form.add("_csrf", coordination.csrf(path));
        NOTIFICATIONS.requests.clear();
        EntityExchangeResult<byte[]> refused = coordination.post(path, form);
        assertThat(new String(refused.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Bitte geben Sie eine gültige E-Mail-Adresse an").contains("Thomas Krüger-Meyer")
                .contains("aria-invalid=\"true\"");
        assertThat(NOTIFICATIONS.requests).noneMatch(r -> r.startsWith("PUT"));

        form.set("email", "thomas.krueger-meyer@example.org");
        form.set("_csrf", coordination.csrf(path));
        assertThat(coordination.post(path, form).getResponseHeaders().getLocation())
                .hasToString("/coordination/partners?notice=changed");
        assertThat(NOTIFICATIONS.requests)
                .contains("PUT /api/recipients/partners/gesundheitsamt-goslar/contacts/c-1");
    }

    @Test
    void everyPageForbidsInlineScriptsAndFramingAndTlsRequestsGetHsts() {
        web.get().uri("/login").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .contains("default-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                // plain HTTP (the embedded default): HSTS would be ignored and is not sent
                .expectHeader().doesNotExist("Strict-Transport-Security");
        web.get().uri("/login").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
    }

    @Test
    void noTemplateCarriesAnInlineScriptAHandlerAttributeOrAStyleAttribute() throws java.io.IOException {
        java.util.regex.Pattern inline = java.util.regex.Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:|\\sstyle\\s*=",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        try (var templates = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            List<String> offending = templates.filter(p -> p.toString().endsWith(".html")).filter(p -> {
                try {
                    return inline.matcher(java.nio.file.Files.readString(p)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Object::toString).toList();
            assertThat(offending).as("templates the CSP would break").isEmpty();
        }
    }

    @Test
    void theCoordinationDownloadsWhatIsStoredAboutAContactPerson() {
        PageSession coordination = new PageSession(web);
        coordination.signIn("koordination", "demo");
        assertThat(coordination.page("/coordination/partners/gesundheitsamt-goslar/contacts/c-1/edit"))
                .contains("Auskunft (Art. 15 und 20 DSGVO)")
                .contains("href=\"/coordination/partners/gesundheitsamt-goslar/contacts/c-1/export\"");
        EntityExchangeResult<byte[]> file = coordination.get(
                "/coordination/partners/gesundheitsamt-goslar/contacts/c-1/export");
        assertThat(file.getStatus().value()).isEqualTo(200);
        assertThat(file.getResponseHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"auskunft-c-1.json\"");
        assertThat(new String(file.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"email\":\"thomas.krueger@example.org\"").contains("\"deliveries\":[]");
        assertThat(NOTIFICATIONS.requests)
                .contains("GET /api/recipients/partners/gesundheitsamt-goslar/contacts/c-1/export");
        PageSession focusGroup = new PageSession(web);
        focusGroup.signIn("fg-arbeitswelt", "demo");
        focusGroup.status("/coordination/partners/gesundheitsamt-goslar/contacts/c-1/export", 403);
    }
}
