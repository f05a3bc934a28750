package io.proposalflow.faults;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.proposalflow.launcher.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * One proposal's story through the public APIs, from the focus group's submission to FUNDED: the two
 * reviewers the review-service assigned approve (or, in a story with changes, one asks for changes,
 * the focus group resubmits and a second round approves), then the coordination reports an
 * expression of interest and the grant. Every call is repeated until it took effect, because a fault
 * may take the service away at any moment; a repeat that finds its step already done goes on.
 */
final class Story {

    static final String FOCUS_GROUP_USER = "fg-arbeitswelt";
    static final String PARTNER = "jobcenter-goslar";
    private static final Map<String, Object> SCORES = Map.of("need", 4, "feasibility", 4,
            "integrationImpact", 5, "sustainability", 4);

    private final Endpoints endpoints;
    private final boolean withChanges;
    private final String title;
    private final long deadline;
    volatile String id;
    volatile String status = "NOT_CREATED";
    /** The reviewers assigned in each round (index 0 = round 1). */
    final List<List<String>> reviewersPerRound = new ArrayList<>();
    volatile long completedAt;
    volatile String failure;

    /** Where the driver sends its calls: any healthy instance of each service will do. */
    interface Endpoints {
        ApiClient proposals();

        ApiClient reviews();
    }

    Story(Endpoints endpoints, boolean withChanges, String title, long deadline) {
        this.endpoints = endpoints;
        this.withChanges = withChanges;
        this.title = title;
        this.deadline = deadline;
    }

    boolean withChanges() {
        return withChanges;
    }

    boolean completed() {
        return completedAt > 0;
    }

    void run() {
        try {
            JsonNode created = retry("create", () -> {
                ApiClient.Response answer = endpoints.proposals().as(FOCUS_GROUP_USER).post("/api/proposals", content());
                return answer.status() == 201 ? answer.json() : null;
            });
            id = created.get("id").asString();
            act("submit", "DRAFT");
            decideRound(1, !withChanges);
            if (withChanges) {
                awaitStatus("CHANGES_REQUESTED");
                act("resubmit", "CHANGES_REQUESTED");
                decideRound(2, true);
            }
            awaitStatus("APPROVED");
            reportFunding("EXPRESSION_OF_INTEREST_SUBMITTED", null, "APPROVED");
            awaitStatus("FUNDING_APPLIED");
            reportFunding("GRANTED", "180000.00", "FUNDING_APPLIED");
            awaitStatus("FUNDED");
            completedAt = System.currentTimeMillis();
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
    }

    /** A lifecycle action taken while the proposal is in {@code from}; done once it left that status. */
    private void act(String action, String from) {
        retry(action, () -> {
            ApiClient client = endpoints.proposals().as(FOCUS_GROUP_USER);
            ApiClient.Response current = client.get("/api/proposals/" + id);
            if (current.status() != 200) {
                return null;
            }
            status = current.json().get("status").asString();
            if (!from.equals(status)) {
                return current.json();
            }
            ApiClient.Response answer = client.send("POST", "/api/proposals/" + id + "/" + action, null,
                    Map.of("If-Match", current.header("ETag")));
            return answer.status() == 200 ? answer.json() : null;
        });
    }

    private void decideRound(int round, boolean approve) {
        JsonNode reviewCase = retry("review case round " + round, () -> {
            ApiClient.Response answer = endpoints.reviews().as("koordination")
                    .get("/api/reviews?size=50&proposalId=" + id);
            if (answer.status() != 200) {
                return null;
            }
            for (JsonNode c : answer.json().get("content")) {
                if (c.get("round").asInt() == round && c.get("reviewers").size() >= 2) {
                    return c;
                }
            }
            return null;
        });
        List<String> reviewers = new ArrayList<>();
        reviewCase.get("reviewers").forEach(r -> reviewers.add(r.get("reviewerId").asString()));
        synchronized (reviewersPerRound) {
            reviewersPerRound.add(List.copyOf(reviewers));
        }
        String caseId = reviewCase.get("id").asString();
        for (int i = 0; i < reviewers.size(); i++) {
            boolean asksForChanges = !approve && i == 0;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", asksForChanges ? "REQUEST_CHANGES" : "APPROVE");
            body.put("scores", SCORES);
            if (asksForChanges) {
                body.put("comment", "Bitte den Zugang über das Jobcenter genauer beschreiben.");
            }
            String reviewer = reviewers.get(i);
            retry("decision of " + reviewer, () -> {
                if (hasDecided(caseId, reviewer)) {
                    return Boolean.TRUE;
                }
                ApiClient.Response answer = endpoints.reviews().as(reviewer)
                        .post("/api/reviews/" + caseId + "/decisions", body);
                return answer.status() == 200 ? answer : null;
            });
        }
    }

    /** Whether an earlier attempt already recorded this reviewer's decision (its answer may have been lost). */
    private boolean hasDecided(String caseId, String reviewer) {
        ApiClient.Response answer = endpoints.reviews().as("koordination").get("/api/reviews/" + caseId);
        if (answer.status() != 200) {
            throw new IllegalStateException("review case " + caseId + ": " + answer.status());
        }
        for (JsonNode r : answer.json().get("reviewers")) {
            if (reviewer.equals(r.get("reviewerId").asString())) {
                JsonNode decision = r.get("decision");
                return decision != null && !decision.isNull();
            }
        }
        return false;
    }

    private void reportFunding(String stage, String granted, String from) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("programme", "ESF Plus Niedersachsen");
        report.put("stage", stage);
        report.put("requestedAmountEur", "185000.00");
        if (granted != null) {
            report.put("grantedAmountEur", granted);
        }
        report.put("stageDate", LocalDate.now().toString());
        retry("funding " + stage, () -> {
            ApiClient client = endpoints.proposals().as("koordination");
            ApiClient.Response current = client.get("/api/proposals/" + id);
            if (current.status() != 200) {
                return null;
            }
            JsonNode funding = current.json().get("fundingApplication");
            if (funding != null && !funding.isNull() && stage.equals(funding.get("stage").asString())) {
                return current.json();
            }
            status = current.json().get("status").asString();
            if (!from.equals(status)) {
                return null;
            }
            ApiClient.Response answer = client.send("PUT", "/api/proposals/" + id + "/funding-application", report,
                    Map.of("If-Match", current.header("ETag")));
            return answer.status() == 200 ? answer.json() : null;
        });
    }

    private void awaitStatus(String expected) {
        retry("status " + expected, () -> {
            ApiClient.Response answer = endpoints.proposals().as("koordination").get("/api/proposals/" + id);
            if (answer.status() != 200) {
                return null;
            }
            status = answer.json().get("status").asString();
            return expected.equals(status) ? answer : null;
        });
    }

    /** Repeats {@code step} (null or an exception: not yet) every 200 ms until it answers or the run's time is up. */
    private <T> T retry(String what, Supplier<T> step) {
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                T result = step.get();
                if (result != null) {
                    return result;
                }
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at " + what);
            }
        }
        throw new IllegalStateException("stuck at '" + what + "' in status " + status + " (" + last + ")");
    }

    private Map<String, Object> content() {
        LocalDate start = LocalDate.now().plusMonths(3).withDayOfMonth(1);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("summary", "Ein Vorschlag, wie ihn der Fehlertest viele Male einreicht.");
        p.put("themenfeld", "WORK_ECONOMY");
        p.put("goals", List.of("Zwölf Teilnehmende beginnen eine Ausbildung in der Pflege"));
        p.put("targetGroups", List.of("Alleinerziehende Mütter"));
        p.put("partners", List.of(Map.of("id", PARTNER, "name", "Jobcenter Goslar",
                "role", "Zugang der Teilnehmenden")));
        p.put("requestedBudgetEur", "185000.00");
        p.put("plannedStart", start.toString());
        p.put("plannedEnd", start.plusYears(2).minusDays(1).toString());
        return p;
    }
}
