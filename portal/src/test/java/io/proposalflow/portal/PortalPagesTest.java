package io.proposalflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                    {"proposals":3,"countsByThemenfeld":{"WORK_ECONOMY":{"FUNDED":1,"IN_REVIEW":2}},"decided":1,
                     "approved":1,"approvalRate":1.0,"medianDaysToDecision":4.0,
                     "fundingByProgramme":[{"programme":"ESF Plus Niedersachsen","applications":1,"granted":1,
                       "requestedEur":185000.00,"grantedEur":180000.00}]}""") : StubServices.FORBIDDEN;
        }
        return new StubServices.Answer(200, StubServices.EMPTY_PAGE);
    });
    /** A case review-service does not show rev-kvhs (it answers 404 for cases not assigned to the caller). */
    static final String NOT_ASSIGNED = "00000000-0000-0000-0000-000000000404";
    static final StubServices REVIEWS = new StubServices((uri, user) -> user.startsWith("fg-")
            ? StubServices.FORBIDDEN
            : uri.startsWith("/api/panels") ? new StubServices.Answer(200, "[]")
            : uri.equals("/api/reviews/" + NOT_ASSIGNED) ? new StubServices.Answer(404, "{\"detail\":\"not found\"}")
            : new StubServices.Answer(200, StubServices.EMPTY_PAGE));
    static final StubServices NOTIFICATIONS = new StubServices((uri, user) -> !user.equals("koordination")
            ? StubServices.FORBIDDEN
            : uri.startsWith("/api/recipients/partners/gesundheitsamt-goslar") ? new StubServices.Answer(200, """
                    {"id":"gesundheitsamt-goslar","name":"Gesundheitsamt Goslar","version":1,"contacts":[
                      {"id":"c-1","name":"Thomas Krüger","email":"thomas.krueger@example.org","language":"DE"}]}""")
            : new StubServices.Answer(200, "[]"));

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
        Session session = new Session();
        EntityExchangeResult<byte[]> answer = session.signIn("fg-arbeitswelt", "demo");
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/");
        assertThat(answer.getResponseHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("PORTAL_SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
        assertThat(session.get("/").getResponseHeaders().getLocation()).hasToString("/proposals");
        assertThat(session.page("/proposals")).contains("Meine Vorschläge").contains("fg-arbeitswelt");
    }

    @Test
    void aWrongPasswordIsRefusedInPlainWords() {
        Session session = new Session();
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
        Session focusGroup = new Session();
        focusGroup.signIn("fg-wohnen", "demo");
        focusGroup.status("/coordination", 403);
        focusGroup.status("/reviews", 403);
        focusGroup.status("/proposals/new", 200);

        Session reviewer = new Session();
        reviewer.signIn("rev-kvhs", "demo");
        assertThat(reviewer.get("/").getResponseHeaders().getLocation()).hasToString("/reviews");
        reviewer.status("/proposals/new", 403);
        reviewer.status("/coordination/partners", 403);
        assertThat(reviewer.page("/reviews")).contains("Sie haben keine offenen Begutachtungen");

        Session coordination = new Session();
        coordination.signIn("koordination", "demo");
        assertThat(coordination.get("/").getResponseHeaders().getLocation()).hasToString("/coordination");
        coordination.status("/proposals/new", 403);
        assertThat(coordination.page("/coordination")).contains("Kennzahlen des Programms")
                .contains("ESF Plus Niedersachsen").contains("180.000,00\u00a0€").contains("<svg");
    }

    @Test
    void aCaseNotAssignedToTheReviewerIsNotFoundAndTheHeaderStaysIntact() {
        Session reviewer = new Session();
        reviewer.signIn("rev-kvhs", "demo");
        EntityExchangeResult<byte[]> page = reviewer.get("/reviews/" + NOT_ASSIGNED);
        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(new String(page.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Nicht gefunden").contains("rev-kvhs").contains("Abmelden");
    }

    @Test
    void aServiceThatIsDownIsNamedInPlainGermanAndTheOtherPagesKeepWorking() {
        Session coordination = new Session();
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
        assertThat(new Session().signIn("koordination", "demo").getResponseHeaders().getLocation())
                .hasToString("/login?unavailable");
    }

    @Test
    void rejectingWithoutACommentIsShownBeforeAnythingIsSent() {
        Session reviewer = new Session();
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
        Session coordination = new Session();
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

    /** One browser: its session cookie, sent with every request. */
    final class Session {

        private String cookie;

        EntityExchangeResult<byte[]> signIn(String user, String password) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", password);
            form.add("_csrf", csrf("/login"));
            return post("/login", form);
        }

        String csrf(String path) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page(path));
            assertThat(m.find()).as("a CSRF field on " + path).isTrue();
            return m.group(1);
        }

        EntityExchangeResult<byte[]> get(String path) {
            return remember(web.get().uri(path).headers(h -> send(h)).exchange().expectBody().returnResult());
        }

        String page(String path) {
            EntityExchangeResult<byte[]> result = get(path);
            assertThat(result.getStatus().value()).as(path).isEqualTo(200);
            return new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        }

        void status(String path, int status) {
            assertThat(get(path).getStatus().value()).as(path).isEqualTo(status);
        }

        EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form) {
            return remember(web.post().uri(path).headers(h -> send(h)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
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
