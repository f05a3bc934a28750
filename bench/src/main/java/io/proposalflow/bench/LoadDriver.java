package io.proposalflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.launcher.ApiClient;

/**
 * Puts proposals through the public APIs: a focus group creates and submits each one, and once
 * review-service has assigned reviewers, both approve. Open loop (a fixed rate of new proposals,
 * whatever the system does) or closed loop (a fixed number of proposals in flight).
 */
final class LoadDriver {

    /** Work Economy with the Jobcenter as partner: three panel members are free of conflicts. */
    static final String FOCUS_GROUP_USER = "fg-arbeitswelt";

    final Map<String, Flow> flows = new ConcurrentHashMap<>();
    final List<Double> submitMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Double> decideMillis = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong submitted = new AtomicLong();
    final AtomicLong httpErrors = new AtomicLong();
    volatile String lastHttpErrorText;

    private static final Map<String, Object> APPROVAL = Map.of("decision", "APPROVE",
            "scores", Map.of("need", 4, "feasibility", 4, "integrationImpact", 5, "sustainability", 4));

    private final ApiClient proposals;
    private final ApiClient reviews;
    private final Map<String, Object> content;

    LoadDriver(ApiClient proposals, ApiClient reviews) {
        this.proposals = proposals.as(FOCUS_GROUP_USER);
        this.reviews = reviews;
        this.content = content();
    }

    /**
     * When the measured window starts and the load ends (epoch ms). Both are open until the warm-up
     * decides (a warm-up "until steady" sets them once the system is steady).
     */
    static final class Window {

        private volatile long measureFrom = Long.MAX_VALUE;
        private volatile long until = Long.MAX_VALUE;

        void set(long measureFrom, long until) {
            this.until = until;
            this.measureFrom = measureFrom;
        }

        boolean decided() {
            return until != Long.MAX_VALUE;
        }

        long measureFrom() {
            return measureFrom;
        }

        long until() {
            return until;
        }

        boolean measuring() {
            return System.currentTimeMillis() >= measureFrom;
        }

        boolean over() {
            return System.currentTimeMillis() >= until;
        }
    }

    /** Starts {@code rate} proposals per second until the window ends; measured inside it. */
    void openLoop(double rate, Window window) throws InterruptedException {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = Math.max(1, (long) (1_000_000 / rate));
        ticks.scheduleAtFixedRate(() -> startOne(window.measuring()), 0, periodMicros, TimeUnit.MICROSECONDS);
        while (!window.over()) {
            Thread.sleep(Math.max(1, Math.min(100, window.until() - System.currentTimeMillis())));
        }
        ticks.shutdownNow();
    }

    /** Keeps {@code inFlight} proposals in the pipeline until the window ends: a new one when one completes. */
    void closedLoop(int inFlight, Window window) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        while (!window.over()) {
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            startOne(window.measuring()).whenComplete((flow, error) -> {
                if (flow == null) {
                    slots.release();
                } else {
                    CompletableFuture.runAsync(() -> {
                        // until the window ended and a minute more (until() is Long.MAX_VALUE while undecided)
                        while (!flow.completed() && System.currentTimeMillis() - 60_000 < window.until()) {
                            sleep(20);
                        }
                        slots.release();
                    });
                }
            });
        }
    }

    /** One proposal, not measured (e.g. the preload's templates); null when the API refused it. */
    CompletableFuture<Flow> startUnmeasured() {
        return startOne(false);
    }

    /** Creates and submits one proposal; the flow is known before the submit, so no event is missed. */
    private CompletableFuture<Flow> startOne(boolean measured) {
        return proposals.sendAsync("POST", "/api/proposals", content, Map.of()).thenCompose(created -> {
            if (created.status() != 201) {
                return failed("create", created);
            }
            String id = created.json().get("id").asString();
            long started = System.currentTimeMillis();
            Flow flow = new Flow(id, measured, started);
            flows.put(id, flow);
            return proposals.sendAsync("POST", "/api/proposals/" + id + "/submit", null, Map.of())
                    .thenApply(answer -> {
                        long now = System.currentTimeMillis();
                        if (answer.status() != 200) {
                            flows.remove(id);
                            recordError("submit", answer);
                            return null;
                        }
                        flow.submitAnsweredAt = now;
                        submitted.incrementAndGet();
                        if (measured) {
                            submitMillis.add((double) (now - started));
                        }
                        return flow;
                    });
        }).exceptionally(error -> {
            httpErrors.incrementAndGet();
            lastHttpErrorText = String.valueOf(error);
            return null;
        });
    }

    /**
     * The assigned reviewers approve, one after the other (the second decision completes the case);
     * called by the event watcher when the reviewers are assigned.
     */
    void decide(Flow flow, ReviewersAssigned assigned) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String reviewer : assigned.reviewerIds()) {
            chain = chain.thenCompose(previous -> {
                long started = System.currentTimeMillis();
                flow.lastDecisionStartedAt = started;
                return reviews.as(reviewer).sendAsync("POST",
                        "/api/reviews/" + assigned.reviewCaseId() + "/decisions", APPROVAL, Map.of())
                        .thenAccept(answer -> {
                            if (answer.status() != 200) {
                                recordError("decide", answer);
                            } else if (flow.measured) {
                                decideMillis.add((double) (System.currentTimeMillis() - started));
                            }
                        });
            });
        }
        chain.exceptionally(error -> {
            httpErrors.incrementAndGet();
            lastHttpErrorText = String.valueOf(error);
            return null;
        });
    }

    private <T> CompletableFuture<T> failed(String what, ApiClient.Response answer) {
        recordError(what, answer);
        return CompletableFuture.completedFuture(null);
    }

    private void recordError(String what, ApiClient.Response answer) {
        httpErrors.incrementAndGet();
        lastHttpErrorText = what + ": " + answer.status() + " " + answer.text();
    }

    private static Map<String, Object> content() {
        LocalDate start = LocalDate.now().plusMonths(3).withDayOfMonth(1);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", "Lastprobe: Pflegeausbildung mit Kinderbetreuung");
        p.put("summary", "Ein Vorschlag, wie ihn der Benchmark viele Male einreicht.");
        p.put("themenfeld", "WORK_ECONOMY");
        p.put("goals", List.of("Zwölf Teilnehmende beginnen eine Ausbildung in der Pflege"));
        p.put("targetGroups", List.of("Alleinerziehende Mütter"));
        p.put("partners", List.of(Map.of("id", "jobcenter-goslar", "name", "Jobcenter Goslar",
                "role", "Zugang der Teilnehmenden")));
        p.put("requestedBudgetEur", "185000.00");
        p.put("plannedStart", start.toString());
        p.put("plannedEnd", start.plusYears(2).minusDays(1).toString());
        return p;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
