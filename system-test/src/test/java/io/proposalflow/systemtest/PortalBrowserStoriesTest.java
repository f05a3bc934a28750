package io.proposalflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.proposalflow.launcher.Ports;
import io.proposalflow.launcher.ProposalSystem;
import io.proposalflow.launcher.SystemConfig;

/**
 * The stories of issue 13 walked in a real Chromium through the portal only: no API call, no
 * shortcut; people sign in, fill forms, press buttons and read pages, and axe-core checks every page
 * they see (WCAG 2.0/2.1, A and AA). The whole system runs as {@code ./run.sh} starts it, portal
 * included, on free ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserStoriesTest {

    private static final LocalDate START = LocalDate.now().plusMonths(3).withDayOfMonth(1);
    /** Pages worth a picture in the docs; written to target/screenshots on every run. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("proposalflow.root", ".."))
            .resolve("system-test/target/screenshots");

    private static ProposalSystem system;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        Path root = Path.of(System.getProperty("proposalflow.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("system-test/target/portal-run-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                        .format(Instant.now()));
        system = ProposalSystem.start(new SystemConfig(root, data, Ports.free(), SystemConfig.currentJava(),
                SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS, Map.of("NOTIFICATION_POLL_INTERVAL", "200ms"))
                .withPortal());
        browser = Browser.open(system.portalUrl());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                System.out.println("axe-core checked: " + browser.checkedPages);
                browser.close();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    @Order(1)
    void neuerkerodeThroughThePortalFromADraftWithOneMistakeToAGrantedFundingApplication() {
        String title = "Pflegeausbildung mit Kinderbetreuung (Portal)";

        // the coordination's key figures before
        browser.signIn("koordination");
        assertThat(browser.path()).isEqualTo("/coordination");
        browser.assertAccessible();
        // (a fresh system: the demo proposals are in review, none approved yet)
        assertThat(browser.text("#kpi-approved")).isEqualTo("0");
        browser.signOut();
        browser.assertAccessible();

        // a wrong password is refused in plain words
        browser.go("/login");
        browser.type("username", "fg-arbeitswelt");
        browser.type("password", "falsch");
        browser.press("Anmelden");
        assertThat(browser.text(".error-summary")).contains("Benutzername oder Passwort stimmen nicht");
        browser.assertAccessible();

        // the focus group drafts, with one mistake on the first try
        browser.signIn("fg-arbeitswelt");
        assertThat(browser.path()).isEqualTo("/proposals");
        browser.assertAccessible();
        browser.press("Neuen Vorschlag anlegen");
        browser.assertAccessible();
        fillNeuerkerode(title, "hundertfünfundachtzigtausend");
        browser.press("Entwurf speichern");
        assertThat(browser.text(".error-summary")).contains("Bitte korrigieren Sie Ihre Angaben")
                .contains("Bitte geben Sie einen Betrag in Euro an");
        assertThat(browser.texts(".error-summary li")).as("only the wrong field is named").hasSize(1);
        assertThat(browser.attribute("#requestedBudgetEur", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#requestedBudgetEur", "aria-describedby")).contains("requestedBudgetEur-error");
        assertThat(browser.attribute("#title", "value")).as("what was typed is kept").isEqualTo(title);
        browser.assertAccessible();
        browser.screenshot(SCREENSHOTS.resolve("draft-form-error.png"));

        browser.type("requestedBudgetEur", "185.000,00");
        browser.press("Entwurf speichern");
        assertThat(browser.text("#proposal-status")).isEqualTo("Entwurf");
        assertThat(browser.text("main")).contains("185.000,00 €").contains("Stiftung Neuerkerode");
        browser.assertAccessible();

        // submit with a confirmation step
        browser.press("Zur Begutachtung einreichen");
        assertThat(browser.text("h1")).isEqualTo("Vorschlag zur Begutachtung einreichen?");
        browser.assertAccessible();
        browser.press("Ja, jetzt einreichen");
        assertThat(browser.text("main")).contains("Ihr Vorschlag ist eingereicht");
        String proposalPath = browser.path().replaceAll("\\?.*", "");
        browser.reloadUntil("the review to begin", () -> browser.text("#proposal-status").equals("In Begutachtung"));
        assertThat(browser.texts(".timeline .what")).contains("Entwurf angelegt", "Eingereicht",
                "Begutachtung begonnen");
        browser.assertAccessible();
        browser.screenshot(SCREENSHOTS.resolve("proposal-in-review.png"));
        browser.signOut();

        // both reviewers score and approve
        List<String> reviewers = assignedReviewers(title);
        assertThat(reviewers).hasSize(2).doesNotContain("rev-arbeitswelt", "rev-neuerkerode", "rev-jobcenter");
        for (String reviewer : reviewers) {
            browser.signIn(reviewer);
            assertThat(browser.path()).isEqualTo("/reviews");
            browser.assertAccessible();
            browser.follow(title);
            browser.assertAccessible();
            score(5, 4, 5, 4);
            browser.choose("decision-APPROVE");
            browser.press("Entscheidung senden");
            assertThat(browser.text("main")).contains("Ihre Entscheidung ist gespeichert");
            browser.assertAccessible();
            if (reviewer.equals(reviewers.get(0))) {
                browser.screenshot(SCREENSHOTS.resolve("review-case.png"));
            }
            browser.signOut();
        }

        // the coordination reports the funding application until it is granted
        browser.signIn("koordination");
        browser.go(proposalPath);
        browser.reloadUntil("the approval", () -> browser.text("#proposal-status").equals("Befürwortet"));
        browser.assertAccessible();
        report("Interessenbekundung eingereicht", null);
        assertThat(browser.text("#proposal-status")).isEqualTo("Förderung beantragt");
        report("Zur Antragstellung aufgefordert", null);
        report("Antrag eingereicht", null);

        // granted without the granted amount: the rule is shown at the field before anything is sent
        browser.press("Förderantrag melden");
        browser.select("stage", "Bewilligt");
        browser.press("Stand speichern");
        assertThat(browser.text("#grantedAmountEur-error")).contains("bewilligten Betrag");
        browser.assertAccessible();
        browser.type("grantedAmountEur", "180.000,00");
        browser.press("Stand speichern");
        assertThat(browser.text("#proposal-status")).isEqualTo("Gefördert");
        assertThat(browser.text("#funding-stage")).isEqualTo("Bewilligt");
        assertThat(browser.text("main")).contains("180.000,00 €");
        browser.assertAccessible();

        // and sees the key figures change: one approval is fewer than five, so it is not shown as "1"
        // (that would point at this proposal) but as suppressed, with the reason on the page
        browser.go("/coordination");
        assertThat(browser.text("#kpi-approved")).isEqualTo("unterdrückt");
        assertThat(browser.text("#suppression-note")).contains("weniger als 5 Vorschläge");
        assertThat(browser.text("#funding-table")).contains("ESF Plus Niedersachsen").contains("unterdrückt")
                .doesNotContain("180.000,00 €");
        browser.assertAccessible();
        browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));
        browser.go("/proposals");
        assertThat(browser.text("main")).contains(title).contains("Gefördert");
        browser.assertAccessible();

        // the partners heard of every step: the delivery log, newest first
        browser.press("Versandprotokoll");
        assertThat(browser.text("main")).contains(title).contains("Gesendet");
        browser.assertAccessible();

        // a contact person's address is changed, and then the person is erased after a confirmation
        browser.press("Partner");
        assertThat(browser.text("main")).contains("Thomas Krüger");
        browser.assertAccessible();
        browser.press("Thomas Krüger ändern");
        browser.assertAccessible();
        browser.type("email", "t.krueger@example.org");
        browser.press("Speichern");
        assertThat(browser.text("main")).contains("Die Angaben der Ansprechperson sind gespeichert")
                .contains("t.krueger@example.org");
        browser.press("Thomas Krüger löschen");
        assertThat(browser.text("h1")).isEqualTo("Ansprechperson löschen?");
        browser.assertAccessible();
        browser.press("Endgültig löschen");
        assertThat(browser.text("main")).contains("Die Ansprechperson ist gelöscht").doesNotContain("Thomas Krüger");
        browser.signOut();
    }

    @Test
    @Order(2)
    void changesAreRequestedAndTheFocusGroupReadsTheCommentAndResubmits() {
        String title = "Akti(F): Quartiersmanagement Goslar-Oker (Portal)";
        String comment = "Bitte ergänzen Sie, wie die Anlaufstelle Familien ohne Deutschkenntnisse erreicht.";

        browser.signIn("fg-wohnen");
        browser.press("Neuen Vorschlag anlegen");
        browser.type("title", title);
        browser.type("summary", "Gezieltes Quartiersmanagement im Goslarer Stadtteil Oker (Bundesprogramm Akti(F)).");
        browser.select("themenfeld", "Leben & Wohnen vor Ort");
        browser.type("goals", "Anlaufstelle im Quartier Oker an drei Tagen pro Woche\nAufsuchende Beratung von Familien");
        browser.type("targetGroups", "Familien in Goslar-Oker\nGeflüchtete und Zugewanderte");
        browser.select("partners0id", "Freiwilligenagentur Goslar");
        browser.type("partners0role", "Ehrenamtliche Lotsinnen und Lotsen");
        browser.type("requestedBudgetEur", "240.000,00");
        browser.date("plannedStart", START.toString());
        browser.date("plannedEnd", START.plusYears(3).minusDays(1).toString());
        browser.type("fundingProgramme", "Akti(F) Plus (ESF Plus, Bund)");
        browser.press("Entwurf speichern");
        assertThat(browser.text("#proposal-status")).isEqualTo("Entwurf");
        String proposalPath = browser.path().replaceAll("\\?.*", "");
        browser.press("Zur Begutachtung einreichen");
        browser.press("Ja, jetzt einreichen");
        browser.signOut();

        List<String> reviewers = assignedReviewers(title);
        assertThat(reviewers).hasSize(2);

        // the first reviewer asks for changes, and is told a comment is needed before anything is sent
        browser.signIn(reviewers.get(0));
        browser.follow(title);
        score(4, 3, 4, 3);
        browser.choose("decision-REQUEST_CHANGES");
        browser.press("Entscheidung senden");
        assertThat(browser.text(".error-summary")).contains("schreibt bitte einen Kommentar");
        assertThat(browser.attribute("#comment", "aria-describedby")).contains("comment-error");
        assertThat(browser.attribute("#need-4", "checked")).as("the scores are kept").isNotNull();
        browser.assertAccessible();
        browser.type("comment", comment);
        browser.press("Entscheidung senden");
        assertThat(browser.text("main")).contains("Ihre Entscheidung ist gespeichert");
        browser.signOut();

        browser.signIn(reviewers.get(1));
        browser.follow(title);
        score(5, 5, 4, 4);
        browser.choose("decision-APPROVE");
        browser.press("Entscheidung senden");
        browser.go("/reviews");
        assertThat(browser.text("main")).as("the case moved to the earlier decisions").contains("Befürworten");
        browser.assertAccessible();
        browser.signOut();

        // a reviewer never sees a case not assigned to them, another focus group never this proposal
        browser.signIn("fg-arbeitswelt");
        browser.go(proposalPath);
        assertThat(browser.text("h1")).isEqualTo("Nicht gefunden");
        browser.assertAccessible();
        browser.signOut();

        // the focus group reads the comment, without the reviewers' names, and resubmits
        browser.signIn("fg-wohnen");
        browser.go(proposalPath);
        browser.reloadUntil("the request for changes",
                () -> browser.text("#proposal-status").equals("Überarbeitung erbeten"));
        assertThat(browser.text(".feedback")).contains(comment);
        assertThat(browser.text("main")).doesNotContain(reviewers.get(0)).doesNotContain(reviewers.get(1));
        browser.assertAccessible();
        browser.screenshot(SCREENSHOTS.resolve("changes-requested.png"));
        browser.press("Bearbeiten");
        browser.assertAccessible();
        browser.type("summary", "Gezieltes Quartiersmanagement im Goslarer Stadtteil Oker (Bundesprogramm Akti(F)). "
                + "Sprachmittlerinnen begleiten die Sprechstunden, damit Familien ohne Deutschkenntnisse kommen.");
        browser.press("Entwurf speichern");
        assertThat(browser.text("main")).contains("Ihre Änderungen sind gespeichert").contains("Sprachmittlerinnen");
        browser.press("Überarbeitet erneut einreichen");
        browser.assertAccessible();
        browser.press("Ja, erneut einreichen");
        browser.reloadUntil("the second review round",
                () -> browser.text("#proposal-status").equals("In Begutachtung") && browser.text("main").contains("2"));
        assertThat(browser.texts(".timeline .what")).contains("Begutachtung abgeschlossen", "Erneut eingereicht");
        browser.go("/barrierefreiheit");
        browser.assertAccessible();
        browser.press("English");
        assertThat(browser.text("h1")).isEqualTo("Accessibility statement");
        browser.go(proposalPath);
        assertThat(browser.text("#proposal-status")).isEqualTo("In review");
        browser.assertAccessible();
        browser.press("Deutsch");
        browser.signOut();
    }

    // ---------------------------------------------------------------- steps

    private static void fillNeuerkerode(String title, String budget) {
        browser.type("title", title);
        browser.type("summary", "Die Stiftung Neuerkerode bietet alleinerziehenden Müttern eine berufliche Perspektive "
                + "in den Pflegeberufen, Kinderbetreuung inklusive. Das Projekt wird für Migrantinnen geöffnet.");
        browser.select("themenfeld", "Arbeitswelt & Wirtschaft");
        browser.type("goals", "Zwölf Teilnehmende beginnen eine Ausbildung in der Pflege\n"
                + "Kinderbetreuung während aller Kurs- und Praxiszeiten");
        browser.type("targetGroups", "Alleinerziehende Mütter\nMigrantinnen mit Interesse an Pflegeberufen");
        // partners are chosen from the directory by name; their ids and names come from it
        browser.select("partners0id", "Stiftung Neuerkerode");
        browser.type("partners0role", "Träger, Ausbildung und Praxisstellen");
        browser.select("partners1id", "Jobcenter Goslar");
        browser.type("partners1role", "Zugang der Teilnehmenden, Förderung");
        browser.type("requestedBudgetEur", budget);
        browser.date("plannedStart", START.toString());
        browser.date("plannedEnd", START.plusYears(2).minusDays(1).toString());
        browser.type("fundingProgramme", "ESF Plus Niedersachsen");
        browser.type("contact", "Fokusgruppe Arbeitswelt & Wirtschaft");
    }

    /** The reviewers review-service assigned, as the coordination sees them on the panels page. */
    private static List<String> assignedReviewers(String title) {
        browser.signIn("koordination");
        browser.go("/coordination/panels");
        browser.reloadUntil("reviewers assigned to " + title, () -> browser.texts("tbody tr").stream()
                .anyMatch(row -> row.contains(title) && row.contains("rev-")));
        browser.assertAccessible();
        String row = browser.texts("tbody tr").stream().filter(r -> r.contains(title)).findFirst().orElseThrow();
        List<String> reviewers = Arrays.stream(row.split("[\\s,]+")).filter(w -> w.startsWith("rev-")).toList();
        // the case's own page, where a reviewer who has to leave would be removed or replaced
        browser.follow(title);
        assertThat(browser.text("h1")).isEqualTo("Gutachtende: " + title);
        assertThat(browser.texts("tbody tr")).hasSize(reviewers.size()).allMatch(r -> r.contains("noch offen"));
        browser.assertAccessible();
        browser.signOut();
        return reviewers;
    }

    private static void score(int need, int feasibility, int integrationImpact, int sustainability) {
        browser.choose("need-" + need);
        browser.choose("feasibility-" + feasibility);
        browser.choose("integrationImpact-" + integrationImpact);
        browser.choose("sustainability-" + sustainability);
    }

    private static void report(String stage, String grantedAmount) {
        browser.press("Förderantrag melden");
        browser.assertAccessible();
        browser.select("stage", stage);
        if (grantedAmount != null) {
            browser.type("grantedAmountEur", grantedAmount);
        }
        browser.press("Stand speichern");
        assertThat(browser.text("main")).contains("Der Stand des Förderantrags ist gespeichert");
    }
}
