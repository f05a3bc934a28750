package io.proposalflow.launcher;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The demo proposals, drawn from the article the programme was conceived from (Integrationskonferenz
 * des Landkreises Goslar): the Neuerkerode care-training programme opened to migrant single mothers
 * and the Akti(F) neighbourhood management in Goslar-Oker. The focus groups, review panels, partner
 * organisations with their contact persons and the demo users come with the services themselves
 * (each seeds an empty database at start).
 *
 * <p>Loading is "make it so", not "add": a proposal that exists (same title) is left alone, a draft
 * left by an interrupted load is submitted. Loading twice therefore changes nothing.
 */
public final class DemoData {

    public static final String NEUERKERODE_TITLE =
            "Pflegeausbildung mit Kinderbetreuung: Perspektive für alleinerziehende Mütter und Migrantinnen";
    public static final String AKTIF_TITLE = "Akti(F): Quartiersmanagement Goslar-Oker";

    /** What a load did, per proposal title. */
    public record Outcome(String title, String id, String action, String status) {
    }

    private final ApiClient proposals;

    public DemoData(ApiClient proposalService) {
        this.proposals = proposalService;
    }

    public List<Outcome> load() {
        LocalDate nextQuarter = LocalDate.now().plusMonths(3).with(TemporalAdjusters.firstDayOfMonth());
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(ensureSubmitted("fg-arbeitswelt", neuerkerode(nextQuarter)));
        outcomes.add(ensureSubmitted("fg-wohnen", aktif(nextQuarter)));
        return outcomes;
    }

    /** The Neuerkerode proposal as the API takes it, planned to start on {@code start}. */
    public static Map<String, Object> neuerkerode(LocalDate start) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", NEUERKERODE_TITLE);
        p.put("summary", "Die Stiftung Neuerkerode bietet alleinerziehenden Müttern eine berufliche Perspektive "
                + "in den Pflegeberufen, Kinderbetreuung inklusive. Das Projekt wird für Migrantinnen und "
                + "Migranten geöffnet, wie es eine ähnlich gelagerte, sehr erfolgreiche Maßnahme mit der "
                + "Stiftung Neuerkerode bereits war.");
        p.put("themenfeld", "WORK_ECONOMY");
        p.put("goals", List.of(
                "Zwölf Teilnehmende beginnen eine Ausbildung oder Helfertätigkeit in der Pflege",
                "Kinderbetreuung während aller Kurs- und Praxiszeiten",
                "Berufsbezogener Deutschunterricht parallel zur Ausbildung"));
        p.put("targetGroups", List.of("Alleinerziehende Mütter", "Migrantinnen und Migranten mit Interesse an Pflegeberufen"));
        p.put("partners", List.of(
                partner("stiftung-neuerkerode", "Stiftung Neuerkerode", "Träger, Ausbildung und Praxisstellen"),
                partner("jobcenter-goslar", "Jobcenter Goslar", "Zugang der Teilnehmenden, Förderung")));
        p.put("requestedBudgetEur", "185000.00");
        p.put("plannedStart", start.toString());
        p.put("plannedEnd", start.plusYears(2).minusDays(1).toString());
        p.put("fundingProgramme", "ESF Plus Niedersachsen");
        p.put("contact", "Fokusgruppe Arbeitswelt & Wirtschaft");
        return p;
    }

    /** The Akti(F) proposal as the API takes it, planned to start three months after {@code start}. */
    public static Map<String, Object> aktif(LocalDate start) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", AKTIF_TITLE);
        p.put("summary", "Gezieltes Quartiermanagement im Goslarer Stadtteil Oker auf Grundlage des "
                + "Bundesprogramms Akti(F): aufsuchende Sozial- und Flüchtlingsarbeit im Quartier soll Menschen, "
                + "unabhängig von ihrer Herkunft, vor Armut und gesellschaftlicher Ausgrenzung bewahren. Der "
                + "Landkreis befindet sich im Interessenbekundungsverfahren.");
        p.put("themenfeld", "LOCAL_LIVING");
        p.put("goals", List.of(
                "Anlaufstelle im Quartier Oker an drei Tagen pro Woche",
                "Aufsuchende Beratung von Familien, die bestehende Angebote nicht erreichen",
                "Vernetzung der Angebote von Landkreis, Ehrenamt und Vereinen im Stadtteil"));
        p.put("targetGroups", List.of("Familien in Goslar-Oker", "Geflüchtete und Zugewanderte",
                "Von Armut bedrohte Menschen unabhängig von ihrer Herkunft"));
        p.put("partners", List.of(
                partner("landkreis-goslar", "Landkreis Goslar Migrationsdienste", "Antragsteller, Koordination"),
                partner("freiwilligenagentur-goslar", "Freiwilligenagentur Goslar", "Ehrenamtliche Lotsinnen und Lotsen")));
        p.put("requestedBudgetEur", "240000.00");
        p.put("plannedStart", start.plusMonths(3).toString());
        p.put("plannedEnd", start.plusMonths(3).plusYears(3).minusDays(1).toString());
        p.put("fundingProgramme", "Akti(F) Plus (ESF Plus, Bund)");
        p.put("contact", "Fokusgruppe Leben & Wohnen vor Ort");
        return p;
    }

    private Outcome ensureSubmitted(String focusGroupUser, Map<String, Object> content) {
        String title = (String) content.get("title");
        ApiClient author = proposals.as(focusGroupUser);
        JsonNode existing = findByTitle(author, title);
        String action;
        if (existing == null) {
            existing = author.post("/api/proposals", content).expect(201);
            action = "created";
        } else {
            action = "already there";
        }
        String id = existing.get("id").asString();
        if ("DRAFT".equals(existing.get("status").asString())) {
            existing = author.send("POST", "/api/proposals/" + id + "/submit", null,
                    Map.of("If-Match", "\"" + existing.get("version").asLong() + "\"")).expect(200);
            action = action.equals("created") ? "created and submitted" : "submitted";
        }
        return new Outcome(title, id, action, existing.get("status").asString());
    }

    private static JsonNode findByTitle(ApiClient author, String title) {
        JsonNode page = author.get("/api/proposals" + ApiClient.query(Map.of("q", title, "size", 100))).expect(200);
        for (JsonNode proposal : page.get("content")) {
            if (title.equals(proposal.get("title").asString())) {
                return proposal;
            }
        }
        return null;
    }

    private static Map<String, String> partner(String id, String name, String role) {
        return Map.of("id", id, "name", name, "role", role);
    }
}
