package io.proposalflow.portal;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What the services answer in the page tests: the Neuerkerode and Akti(F) proposals of the seed article. */
final class Fixtures {

    private Fixtures() {
    }

    static final String RETURNED_PROPOSAL = """
            {"id":"%s","reference":"PV-AAAAAAAA","version":4,"status":"CHANGES_REQUESTED","round":1,
             "title":"Pflegeausbildung mit Kinderbetreuung","summary":"Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung für alleinerziehende Mütter und Migrantinnen, mit Kinderbetreuung.",
             "themenfeld":"WORK_ECONOMY","themenfeldLabel":"Arbeitswelt & Wirtschaft",
             "goals":["Zwölf Ausbildungsplätze"],"targetGroups":["Alleinerziehende Mütter","Migrantinnen"],
             "partners":[{"id":"stiftung-neuerkerode","name":"Stiftung Neuerkerode","role":"Träger der Ausbildung"},
                         {"id":"kita-sonnenschein","name":"Kita Sonnenschein","role":"Kinderbetreuung"}],
             "requestedBudgetEur":185000.00,"plannedStart":"2027-02-01","plannedEnd":"2028-01-31",
             "fundingProgramme":"ESF Plus Niedersachsen","contact":"Fokusgruppe Arbeitswelt & Wirtschaft",
             "fundingApplication":null,"createdBy":"fg-arbeitswelt","createdAt":"2026-11-02T09:00:00Z",
             "updatedAt":"2026-11-20T09:00:00Z","allowedActions":["EDIT","RESUBMIT","WITHDRAW"],
             "reviewFeedback":[{"round":1,"outcome":"CHANGES_REQUESTED","completedAt":"2026-11-20T09:00:00Z",
               "comments":["Bitte die Betreuungszeiten der Kita an die Schichtzeiten anpassen."]}]}
            """.formatted(PortalRolePagesTest.RETURNED);

    static final String APPROVED_PROPOSAL = """
            {"id":"%s","reference":"PV-BBBBBBBB","version":7,"status":"APPROVED","round":1,
             "title":"Akti(F): Quartiersmanagement Goslar-Oker","summary":"Quartiersmanagement im Stadtteil Oker, gefördert aus einem Bundesprogramm.",
             "themenfeld":"WORK_ECONOMY","themenfeldLabel":"Arbeitswelt & Wirtschaft",
             "goals":["Ein Quartiersbüro"],"targetGroups":["Familien im Quartier"],
             "partners":[{"id":"jobcenter-goslar","name":"Jobcenter Goslar","role":"Beratung"}],
             "requestedBudgetEur":90000.00,"plannedStart":"2027-04-01","plannedEnd":"2029-03-31",
             "fundingProgramme":"Akti(F)","contact":null,"fundingApplication":null,"createdBy":"fg-arbeitswelt",
             "createdAt":"2026-10-01T09:00:00Z","updatedAt":"2026-11-10T09:00:00Z",
             "allowedActions":["UPDATE_FUNDING","WITHDRAW"],"reviewFeedback":[]}
            """.formatted(PortalRolePagesTest.APPROVED);

    static final String HISTORY = """
            [{"at":"2026-11-02T09:00:00Z","actor":"fg-arbeitswelt","what":"DRAFTED","from":null,"to":"DRAFT","note":null},
             {"at":"2026-11-03T09:00:00Z","actor":"fg-arbeitswelt","what":"SUBMITTED","from":"DRAFT","to":"SUBMITTED","note":null},
             {"at":"2026-11-20T09:00:00Z","actor":"review-service","what":"REVIEW_COMPLETED","from":"IN_REVIEW",
              "to":"CHANGES_REQUESTED","note":"Bitte die Betreuungszeiten der Kita an die Schichtzeiten anpassen."}]
            """;

    static final String CASE = """
            {"id":"%s","proposalId":"%s","round":1,"themenfeld":"WORK_ECONOMY","themenfeldLabel":"Arbeitswelt & Wirtschaft",
             "status":"OPEN","proposal":{"title":"Akti(F): Quartiersmanagement Goslar-Oker",
               "summary":"Quartiersmanagement im Stadtteil Oker.","themenfeld":"WORK_ECONOMY","goals":["Ein Quartiersbüro"],
               "targetGroups":["Familien im Quartier"],"partners":[{"id":"jobcenter-goslar","name":"Jobcenter Goslar","role":"Beratung"}],
               "requestedBudgetEur":90000.00,"plannedStart":"2027-04-01","plannedEnd":"2029-03-31","fundingProgramme":"Akti(F)"},
             "openedAt":"2026-11-01T09:00:00Z","dueAt":"2026-11-15T09:00:00Z",
             "reviewers":[{"reviewerId":"rev-kvhs","assignedAt":"2026-11-01T09:00:00Z","manual":false,"decision":null,
               "scores":null,"comment":null,"decidedAt":null,"remindedAt":null,"overdueAt":null}],
             "result":null,"cancelReason":null}
            """.formatted(PortalRolePagesTest.CASE, PortalRolePagesTest.APPROVED);

    static final String CASE_REVIEWERS = """
            {"reviewCaseId":"%s","status":"OPEN","version":5,"reviewers":[{"reviewerId":"rev-kvhs",
              "assignedAt":"2026-11-01T09:00:00Z","manual":false,"decision":null,"scores":null,"comment":null,
              "decidedAt":null,"remindedAt":null,"overdueAt":null}]}
            """.formatted(PortalRolePagesTest.CASE);

    static final String PANELS = """
            [{"themenfeld":"WORK_ECONOMY","label":"Arbeitswelt & Wirtschaft","reviewers":[
               {"id":"rev-kvhs","displayName":"Peter Lange (Kreisvolkshochschule)","focusGroup":null,"affiliations":["kreisvolkshochschule-goslar"]},
               {"id":"rev-wohnen","displayName":"Rev Wohnen","focusGroup":"LOCAL_LIVING","affiliations":[]},
               {"id":"rev-arbeitswelt","displayName":"Rev Arbeitswelt","focusGroup":"WORK_ECONOMY","affiliations":[]},
               {"id":"rev-jobcenter","displayName":"Rev Jobcenter","focusGroup":null,"affiliations":["jobcenter-goslar"]}]}]
            """;

    static final String ORGANISATIONS = """
            {"content":[{"id":"jobcenter-goslar","name":"Jobcenter Goslar"},
                        {"id":"stiftung-neuerkerode","name":"Stiftung Neuerkerode"}],
             "page":0,"size":100,"totalElements":2,"totalPages":1}
            """;

    static final String NEUERKERODE = """
            {"id":"stiftung-neuerkerode","name":"Stiftung Neuerkerode","version":2,"contacts":[
              {"id":"c-anna","name":"Anna Bergmann","email":"anna.bergmann@example.org","language":"DE"}]}
            """;

    static final String FAILED_MAIL = """
            {"id":"n-1","proposalId":"%s","proposalTitle":"Pflegeausbildung mit Kinderbetreuung","kind":"SUBMITTED",
             "recipientKind":"PARTNER_CONTACT","organisationName":"Jobcenter Goslar","recipientName":"Team Jobcenter",
             "email":"jobcenter@example.org","language":"DE","status":"FAILED","createdAt":"2026-11-03T09:00:00Z",
             "sentAt":null,"lastError":"550 mailbox unavailable"}
            """.formatted(PortalRolePagesTest.RETURNED);

    static final String KEY_FIGURES = """
            {"threshold":5,"proposals":{"value":12,"suppressed":false},
             "countsByThemenfeld":{"WORK_ECONOMY":{"FUNDED":{"value":5,"suppressed":false},
               "IN_REVIEW":{"value":7,"suppressed":false}}},
             "totalsByThemenfeld":{"WORK_ECONOMY":{"value":12,"suppressed":false}},
             "totalsByStatus":{"FUNDED":{"value":5,"suppressed":false},"IN_REVIEW":{"value":7,"suppressed":false}},
             "decided":{"value":5,"suppressed":false},"approved":{"value":5,"suppressed":false},
             "approvalRate":{"value":1.0,"suppressed":false},"medianDaysToDecision":{"value":4.0,"suppressed":false},
             "fundingByProgramme":[{"programme":"ESF Plus Niedersachsen","applications":{"value":5,"suppressed":false},
               "granted":{"value":5,"suppressed":false},"requestedEur":{"value":185000.00,"suppressed":false},
               "grantedEur":{"value":180000.00,"suppressed":false}}]}
            """;

    /** A JSON array of entries as the one page a paged list answers (every list of the services is paged). */
    static String pageOf(String array) {
        int entries = tools.jackson.databind.json.JsonMapper.builder().build().readTree(array).size();
        return "{\"content\":" + array + ",\"page\":0,\"size\":100,\"totalElements\":" + entries
                + ",\"totalPages\":1}";
    }

    static String page(String... entries) {
        return "{\"content\":[" + String.join(",", entries) + "],\"page\":0,\"size\":20,\"totalElements\":"
                + entries.length + ",\"totalPages\":1}";
    }

    /** A complete draft as the focus group types it, without partners. */
    static MultiValueMap<String, String> draft() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("title", "Pflegeausbildung mit Kinderbetreuung");
        form.add("summary", "Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung für alleinerziehende Mütter.");
        form.add("themenfeld", "WORK_ECONOMY");
        form.add("goals", "Zwölf Ausbildungsplätze");
        form.add("targetGroups", "Alleinerziehende Mütter");
        form.add("requestedBudgetEur", "185.000,00");
        form.add("plannedStart", "2027-02-01");
        form.add("plannedEnd", "2028-01-31");
        form.add("fundingProgramme", "ESF Plus Niedersachsen");
        form.add("contact", "");
        return form;
    }
}
