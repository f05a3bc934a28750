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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every page of the portal, per role: what each person sees on it and what is refused them. The
 * stand-ins answer like the services do (a focus group gets only its own proposals, a reviewer only the
 * cases assigned to them, the directory's contacts only the coordination); the browser stories in
 * system-test walk the same pages against the real services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PortalRolePagesTest {

    /** fg-arbeitswelt's proposal, sent back for changes. */
    static final String RETURNED = "aaaaaaaa-0000-4000-8000-000000000001";
    /** fg-arbeitswelt's approved proposal, whose funding application the coordination reports. */
    static final String APPROVED = "bbbbbbbb-0000-4000-8000-000000000002";
    /** rev-kvhs's open case on the approved proposal's first round, overdue. */
    static final String CASE = "cccccccc-0000-4000-8000-000000000003";

    static final StubServices PROPOSALS = new StubServices((uri, user) -> {
        if (user.startsWith("rev-")) {
            return StubServices.FORBIDDEN;
        }
        boolean owner = user.equals("fg-arbeitswelt") || user.equals("koordination");
        if (uri.startsWith("/api/proposals/" + RETURNED + "/history")
                || uri.startsWith("/api/proposals/" + APPROVED + "/history")) {
            return owner ? ok(Fixtures.pageOf(Fixtures.HISTORY)) : notFound();
        }
        if (uri.startsWith("/api/proposals/" + RETURNED)) {
            return owner ? ok(Fixtures.RETURNED_PROPOSAL) : notFound();
        }
        if (uri.startsWith("/api/proposals/" + APPROVED)) {
            return owner ? ok(Fixtures.APPROVED_PROPOSAL) : notFound();
        }
        if (uri.startsWith("/api/proposals") && uri.contains("?")) {
            return ok(owner ? Fixtures.page(Fixtures.RETURNED_PROPOSAL, Fixtures.APPROVED_PROPOSAL) : StubServices.EMPTY_PAGE);
        }
        if (uri.equals("/api/proposals")) {
            return new StubServices.Answer(201, Fixtures.RETURNED_PROPOSAL);
        }
        if (uri.startsWith("/api/statistics")) {
            return user.equals("koordination") ? ok(Fixtures.KEY_FIGURES) : StubServices.FORBIDDEN;
        }
        return notFound();
    });
    static final StubServices REVIEWS = new StubServices((uri, user) -> {
        if (user.startsWith("fg-")) {
            return StubServices.FORBIDDEN;
        }
        boolean assigned = user.equals("rev-kvhs") || user.equals("koordination");
        if (uri.startsWith("/api/reviews/" + CASE + "/reviewers/rev-wohnen")) {
            return new StubServices.Answer(412, "{\"detail\":\"the case has changed\"}");
        }
        if (uri.startsWith("/api/reviews/" + CASE + "/reviewers")) {
            return user.equals("koordination") ? ok(Fixtures.CASE_REVIEWERS) : StubServices.FORBIDDEN;
        }
        if (uri.startsWith("/api/reviews/" + CASE)) {
            return assigned ? ok(Fixtures.CASE) : notFound();
        }
        if (uri.startsWith("/api/reviews")) {
            return ok(assigned ? Fixtures.page(Fixtures.CASE) : StubServices.EMPTY_PAGE);
        }
        if (uri.startsWith("/api/panels")) {
            return user.equals("koordination") ? ok(Fixtures.pageOf(Fixtures.PANELS)) : StubServices.FORBIDDEN;
        }
        return notFound();
    });
    static final StubServices NOTIFICATIONS = new StubServices((uri, user) -> {
        if (uri.startsWith("/api/organisations")) {
            return ok(Fixtures.ORGANISATIONS);
        }
        if (!user.equals("koordination")) {
            return StubServices.FORBIDDEN;
        }
        if (uri.startsWith("/api/recipients/partners/stiftung-neuerkerode")) {
            return ok(Fixtures.NEUERKERODE);
        }
        if (uri.startsWith("/api/recipients/partners")) {
            return ok(Fixtures.page(Fixtures.NEUERKERODE));
        }
        if (uri.startsWith("/api/notifications")) {
            return ok(Fixtures.page(Fixtures.FAILED_MAIL));
        }
        return notFound();
    });

    static StubServices.Answer ok(String json) {
        return new StubServices.Answer(200, json);
    }

    static StubServices.Answer notFound() {
        return new StubServices.Answer(404, "{\"detail\":\"not found\"}");
    }

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
    void anyoneOpensTheSignInFormAndTheAccessibilityStatementWithoutSigningIn() {
        PageSession anonymous = new PageSession(web);
        assertThat(anonymous.page("/login")).contains("Anmelden").contains("name=\"_csrf\"");
        assertThat(anonymous.page("/barrierefreiheit")).contains("Erklärung zur Barrierefreiheit")
                .contains("mailto:");
    }

    @Test
    void anyoneIsSentToTheSignInFormForEveryOtherPage() {
        PageSession anonymous = new PageSession(web);
        PROPOSALS.requests.clear();
        for (String path : List.of("/proposals", "/proposals/new", "/proposals/" + RETURNED, "/reviews",
                "/reviews/" + CASE, "/coordination", "/coordination/panels", "/coordination/partners",
                "/coordination/deliveries")) {
            EntityExchangeResult<byte[]> answer = anonymous.get(path);
            assertThat(answer.getStatus().is3xxRedirection()).as(path).isTrue();
            assertThat(answer.getResponseHeaders().getLocation()).as(path).hasToString("/login");
        }
        assertThat(PROPOSALS.requests).as("nothing reached a service").isEmpty();
    }

    @Test
    void anyoneReadsThePortalInEnglishAfterSwitchingTheLanguage() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        focusGroup.get("/language?lang=en");
        assertThat(focusGroup.page("/proposals")).contains("My proposals").contains("Changes requested");
        focusGroup.get("/language?lang=de");
        assertThat(focusGroup.page("/proposals")).contains("Meine Vorschläge");
    }

    @Test
    void theFocusGroupSeesItsProposalsWithTheirStatus() {
        String list = new PageSession(web).as("fg-arbeitswelt").page("/proposals");
        assertThat(list).contains("Pflegeausbildung mit Kinderbetreuung").contains("Überarbeitung erbeten")
                .contains("Akti(F): Quartiersmanagement Goslar-Oker").contains("Befürwortet");
    }

    @Test
    void theFocusGroupReadsWhatTheReviewersAskedItToChangeWithoutTheirNamesAndWhatItCanDoNow() {
        String page = new PageSession(web).as("fg-arbeitswelt").page("/proposals/" + RETURNED);
        assertThat(page).contains("PV-AAAAAAAA").contains("Rückmeldung der Begutachtung")
                .contains("Bitte die Betreuungszeiten der Kita an die Schichtzeiten anpassen.")
                .doesNotContain("rev-kvhs").doesNotContain("Peter Lange")
                .contains("Bearbeiten").contains("Überarbeitet erneut einreichen").contains("Zurückziehen")
                .doesNotContain("Förderantrag melden");
        assertThat(page).as("the timeline in German words").contains("Eingereicht")
                .contains("Begutachtung abgeschlossen");
    }

    @Test
    void theFocusGroupOpensTheConfirmationStepsForResubmittingAndWithdrawing() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        assertThat(focusGroup.page("/proposals/" + RETURNED + "/resubmit")).contains("Ja, erneut einreichen")
                .contains("Pflegeausbildung mit Kinderbetreuung");
        assertThat(focusGroup.page("/proposals/" + RETURNED + "/withdraw")).contains("Grund")
                .contains("name=\"reason\"");
    }

    @Test
    void theFocusGroupNeverSeesAnotherGroupsProposal() {
        PageSession otherGroup = new PageSession(web).as("fg-wohnen");
        otherGroup.status("/proposals/" + RETURNED, 404);
        otherGroup.status("/proposals/" + RETURNED + "/edit", 404);
        otherGroup.status("/proposals/" + RETURNED + "/withdraw", 404);
        assertThat(otherGroup.page("/proposals")).doesNotContain("Pflegeausbildung");
    }

    @Test
    void theFocusGroupIsRefusedTheReviewersAndTheCoordinationsPages() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        for (String path : List.of("/reviews", "/reviews/" + CASE, "/coordination", "/coordination/panels",
                "/coordination/partners", "/coordination/deliveries", "/proposals/" + APPROVED + "/funding")) {
            focusGroup.status(path, 403);
        }
    }

    @Test
    void theFocusGroupChoosesPartnersFromTheDirectoryWhichSeesNoContactPerson() {
        String form = new PageSession(web).as("fg-arbeitswelt").page("/proposals/new");
        assertThat(form).contains("<select id=\"partners0id\" name=\"partners[0].id\"")
                .contains("<option value=\"stiftung-neuerkerode\">Stiftung Neuerkerode</option>")
                .contains("<option value=\"jobcenter-goslar\">Jobcenter Goslar</option>")
                .doesNotContain("@example.org");
        assertThat(NOTIFICATIONS.requests).contains("GET /api/organisations?page=0&size=100")
                .noneMatch(r -> r.contains("/api/recipients"));
    }

    @Test
    void theFocusGroupSendsTheDirectorysNameOfAChosenPartner() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        MultiValueMap<String, String> form = Fixtures.draft();
        form.add("partners[0].id", "stiftung-neuerkerode");
        form.add("partners[0].role", "Träger der Ausbildung");
        form.add("_csrf", focusGroup.csrf("/proposals/new"));
        PROPOSALS.bodies.clear();

        EntityExchangeResult<byte[]> created = focusGroup.post("/proposals", form);

        assertThat(created.getResponseHeaders().getLocation())
                .hasToString("/proposals/" + RETURNED + "?notice=created");
        assertThat(PROPOSALS.bodies).singleElement().asString().startsWith("POST /api/proposals ")
                .contains("{\"id\":\"stiftung-neuerkerode\",\"name\":\"Stiftung Neuerkerode\","
                        + "\"role\":\"Träger der Ausbildung\"}");
    }

    @Test
    void theFocusGroupsDraftSentTwiceGoesWithOneKeyAndTheRepeatWaitsForTheFirstAnswer() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        Matcher rendered = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"")
                .matcher(focusGroup.page("/proposals/new"));
        assertThat(rendered.find()).as("the new-draft form carries a key").isTrue();
        MultiValueMap<String, String> form = Fixtures.draft();
        form.add("idempotencyKey", rendered.group(1));
        form.add("_csrf", focusGroup.csrf("/proposals/new"));
        PROPOSALS.idempotencyKeys.clear();
        PROPOSALS.stillRunning.set(2);

        EntityExchangeResult<byte[]> created = focusGroup.post("/proposals", form);

        assertThat(created.getResponseHeaders().getLocation())
                .hasToString("/proposals/" + RETURNED + "?notice=created");
        assertThat(PROPOSALS.idempotencyKeys).as("asked again while the first was running, with the same key")
                .hasSize(3).containsOnly("POST /api/proposals " + rendered.group(1));
    }

    @Test
    void theFocusGroupIsAskedToChooseAnOrganisationForARoleWithoutOneAndNothingIsSent() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        MultiValueMap<String, String> form = Fixtures.draft();
        form.add("partners[0].id", "");
        form.add("partners[0].role", "Sprachkurse");
        form.add("_csrf", focusGroup.csrf("/proposals/new"));
        PROPOSALS.requests.clear();

        String page = PageSession.body(focusGroup.post("/proposals", form));

        assertThat(page).contains("Bitte korrigieren Sie Ihre Angaben")
                .contains("href=\"#partners0id\"")
                .contains("Bitte wählen Sie eine Organisation aus dem Partnerverzeichnis")
                .contains("value=\"Sprachkurse\"")
                .contains("value=\"Pflegeausbildung mit Kinderbetreuung\"");
        assertThat(PROPOSALS.requests).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void theFocusGroupTypesThePartnersWhileTheDirectoryCannotBeReachedAndLosesNothing() {
        PageSession focusGroup = new PageSession(web).as("fg-arbeitswelt");
        NOTIFICATIONS.down = true;
        String page = focusGroup.page("/proposals/new");
        assertThat(page).contains("Das Partnerverzeichnis ist gerade nicht erreichbar")
                .contains("name=\"partners[0].name\"");

        MultiValueMap<String, String> form = Fixtures.draft();
        form.add("partners[0].id", "caritas-goslar");
        form.add("partners[0].name", "Caritasverband Goslar");
        form.add("partners[0].role", "Kinderbetreuung");
        form.add("_csrf", focusGroup.csrf("/proposals/new"));
        PROPOSALS.bodies.clear();
        assertThat(focusGroup.post("/proposals", form).getStatus().is3xxRedirection()).isTrue();
        assertThat(PROPOSALS.bodies).singleElement().asString()
                .contains("{\"id\":\"caritas-goslar\",\"name\":\"Caritasverband Goslar\",\"role\":\"Kinderbetreuung\"}");
    }

    @Test
    void theFocusGroupKeepsAPartnerThatHasSinceLeftTheDirectoryWhenEditing() {
        String form = new PageSession(web).as("fg-arbeitswelt").page("/proposals/" + RETURNED + "/edit");
        assertThat(form).contains("<option value=\"stiftung-neuerkerode\" selected=\"selected\">Stiftung Neuerkerode</option>")
                .contains("<option value=\"kita-sonnenschein\" selected=\"selected\">Kita Sonnenschein</option>");
    }

    @Test
    void theReviewerSeesTheOpenCasesWithTheirDueDateAndTheOverdueMarked() {
        String inbox = new PageSession(web).as("rev-kvhs").page("/reviews");
        assertThat(inbox).contains("Akti(F): Quartiersmanagement Goslar-Oker").contains("15.11.2026")
                .contains("überfällig");
    }

    @Test
    void theReviewerScoresTheProposalOnTheRubricWithLabelledRadioButtons() {
        String page = new PageSession(web).as("rev-kvhs").page("/reviews/" + CASE);
        assertThat(page).contains("Akti(F): Quartiersmanagement Goslar-Oker").contains("Bedarf")
                .contains("Umsetzbarkeit").contains("Wirkung auf die Integration").contains("Nachhaltigkeit")
                .contains("type=\"radio\"").contains("name=\"need\"").contains("value=\"5\"")
                .contains("Ablehnen").contains("Überarbeitung erbitten");
    }

    @Test
    void theReviewerNeverOpensACaseNotAssignedToThemNorAnyProposalOrCoordinationPage() {
        PageSession reviewer = new PageSession(web).as("rev-migration");
        reviewer.status("/reviews/" + CASE, 404);
        assertThat(reviewer.page("/reviews")).doesNotContain("Akti(F)");
        for (String path : List.of("/proposals", "/proposals/new", "/coordination", "/coordination/partners",
                "/coordination/deliveries")) {
            reviewer.status(path, 403);
        }
    }

    @Test
    void theCoordinationSeesAllProposalsAndReportsTheFundingApplicationOfAnApprovedOne() {
        PageSession coordination = new PageSession(web).as("koordination");
        assertThat(coordination.page("/proposals")).contains("Alle Vorschläge")
                .contains("Pflegeausbildung mit Kinderbetreuung").contains("Akti(F)");
        assertThat(coordination.page("/proposals/" + APPROVED)).contains("Förderantrag melden")
                .doesNotContain("erneut einreichen");
        assertThat(coordination.page("/proposals/" + APPROVED + "/funding")).contains("Bewilligt")
                .contains("name=\"stage\"").contains("name=\"requestedAmountEur\"");
    }

    @Test
    void theCoordinationAssignsReviewersOnThePanelsPage() {
        String page = new PageSession(web).as("koordination").page("/coordination/panels");
        assertThat(page).contains("Begutachtungsgremien").contains("Akti(F): Quartiersmanagement Goslar-Oker")
                .contains("rev-kvhs").contains("<option value=\"rev-wohnen\">");
    }

    @Test
    void theCoordinationReplacesOrRemovesAReviewerOfAnOpenCase() {
        PageSession coordination = new PageSession(web).as("koordination");
        String page = coordination.page("/coordination/reviews/" + CASE);
        assertThat(page).contains("Gutachtende: Akti(F): Quartiersmanagement Goslar-Oker")
                .contains("Peter Lange (Kreisvolkshochschule)").contains("noch offen")
                .contains("<option value=\"rev-wohnen\">Rev Wohnen</option>")
                .as("no one already on the case, of the proposing focus group or of a partner is offered")
                .doesNotContain("<option value=\"rev-kvhs\">").doesNotContain("<option value=\"rev-arbeitswelt\">")
                .doesNotContain("<option value=\"rev-jobcenter\">");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", "5");
        form.add("_csrf", coordination.csrf("/coordination/reviews/" + CASE));
        REVIEWS.requests.clear();
        assertThat(coordination.post("/coordination/reviews/" + CASE + "/reviewers/rev-kvhs/remove", form)
                .getResponseHeaders().getLocation()).hasToString("/coordination/reviews/" + CASE + "?notice=removed");
        assertThat(REVIEWS.requests).contains("DELETE /api/reviews/" + CASE + "/reviewers/rev-kvhs");

        form.add("replacement", "rev-kvhs");
        assertThat(coordination.post("/coordination/reviews/" + CASE + "/reviewers/rev-wohnen/replace", form)
                .getResponseHeaders().getLocation())
                .as("a stale version: the case changed meanwhile")
                .hasToString("/coordination/reviews/" + CASE + "?notice=caseChanged");
        assertThat(coordination.page("/coordination/reviews/" + CASE + "?notice=caseChanged"))
                .contains("Der Fall hat sich inzwischen geändert");
        new PageSession(web).as("rev-kvhs").status("/coordination/reviews/" + CASE, 403);
    }

    @Test
    void theCoordinationManagesThePartnersContactsAndConfirmsAnErasureFirst() {
        PageSession coordination = new PageSession(web).as("koordination");
        assertThat(coordination.page("/coordination/partners")).contains("Stiftung Neuerkerode")
                .contains("Anna Bergmann").contains("anna.bergmann@example.org");
        NOTIFICATIONS.requests.clear();
        assertThat(coordination.page("/coordination/partners/stiftung-neuerkerode/contacts/c-anna/erase"))
                .contains("Anna Bergmann").contains("löschen");
        assertThat(NOTIFICATIONS.requests).noneMatch(r -> r.startsWith("DELETE"));
    }

    @Test
    void theCoordinationAddsAContactPersonOnlyWithAValidAddressAndWhatWasTypedIsKept() {
        PageSession coordination = new PageSession(web).as("koordination");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "Jana Neumann");
        form.add("email", "jana.neumann(at)example.org");
        form.add("language", "EN");
        form.add("_csrf", coordination.csrf("/coordination/partners"));
        NOTIFICATIONS.requests.clear();

        String page = PageSession.body(coordination.post("/coordination/partners/stiftung-neuerkerode/contacts", form));

        assertThat(page).contains("Ansprechperson hinzufügen").contains("href=\"#email\"")
                .contains("Bitte geben Sie eine gültige E-Mail-Adresse an")
                .contains("value=\"Jana Neumann\"").contains("value=\"jana.neumann(at)example.org\"")
                .contains("<option value=\"EN\" selected=\"selected\"");
        assertThat(NOTIFICATIONS.requests).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void theCoordinationReadsTheDeliveryLogAndCanResendAFailedMail() {
        String page = new PageSession(web).as("koordination").page("/coordination/deliveries");
        assertThat(page).contains("Pflegeausbildung mit Kinderbetreuung").contains("Team Jobcenter").contains("(Jobcenter Goslar)")
                .contains("/coordination/deliveries/n-1/resend");
    }

    @Test
    void theCoordinationSeesTheKeyFiguresAsChartsWithATableBesideEach() {
        String page = new PageSession(web).as("koordination").page("/coordination");
        assertThat(page).contains("Kennzahlen des Programms").contains("<svg").contains("<table")
                .contains("Arbeitswelt &amp; Wirtschaft");
    }
}
