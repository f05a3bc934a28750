package io.proposalflow.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People working in the portal: signed-in users, each like a browser with its own session cookie,
 * open the pages of their role one after the other (closed loop, one page in flight per user, no
 * pause between pages). Every page's time until its last byte is recorded, per kind of page; an
 * answer other than 200 is an error, counted and not timed.
 */
final class PortalLoad {

    static final String PASSWORD = "demo";

    /**
     * Twenty sessions: every demo user once, and the five the README's quick start names a second
     * time (two people at the coordination, two at Arbeitswelt, ...).
     */
    static final List<String> USERS = List.of(
            "koordination", "fg-gesundheit", "fg-ehrenamt", "fg-wohnen", "fg-empowerment", "fg-arbeitswelt",
            "fg-bildung", "rev-jobcenter", "rev-neuerkerode", "rev-kvhs", "rev-arbeitswelt", "rev-wohnen",
            "rev-migration", "rev-ehrenamt", "rev-gesundheit",
            "koordination", "fg-arbeitswelt", "fg-wohnen", "rev-kvhs", "rev-migration");

    /** The pages, in the order the table prints them. */
    static final List<String> PAGE_KINDS = List.of("proposal list (focus group)", "proposal page (focus group)",
            "review inbox", "review case", "dashboard (key figures)", "all proposals (coordination)",
            "delivery log");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern PROPOSAL_LINK = Pattern.compile("href=\"/proposals/(?!new\")([A-Za-z0-9-]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("href=\"/reviews/([A-Za-z0-9-]+)\"");

    /** What one run measured. */
    record Result(int users, int signedIn, long measuredMillis, Percentiles signIn, Map<String, Percentiles> pages,
                  Percentiles overall, Map<String, Long> errors, long errorCount, String lastError) {

        double pagesPerSecond() {
            return measuredMillis <= 0 ? 0 : overall.count() * 1000.0 / measuredMillis;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("users", users);
            json.put("signed_in", signedIn);
            json.put("measured_s", measuredMillis / 1000.0);
            json.put("pages_per_s", Report.round1(pagesPerSecond()));
            json.put("overall", overall.toJson());
            Map<String, Object> perPage = new LinkedHashMap<>();
            pages.forEach((kind, p) -> perPage.put(kind, p.toJson()));
            json.put("pages", perPage);
            json.put("sign_in", signIn.toJson());
            json.put("errors", errorCount);
            json.put("errors_by_page", errors);
            json.put("last_error", lastError);
            return json;
        }
    }

    private final String baseUrl;
    private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
    private final List<Double> signInMillis = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile String lastError;

    PortalLoad(String baseUrl) {
        this.baseUrl = baseUrl;
        PAGE_KINDS.forEach(kind -> millis.put(kind, Collections.synchronizedList(new ArrayList<>())));
    }

    /** Signs the users in, then loads pages for {@code warmupMillis} untimed and {@code durationMillis} timed. */
    Result run(long warmupMillis, long durationMillis) throws InterruptedException {
        List<Session> sessions = new ArrayList<>();
        for (String user : USERS) {
            Session session = new Session(user);
            try {
                session.signIn();
                sessions.add(session);
            } catch (IOException | RuntimeException e) {
                error("sign-in", user + ": " + e.getMessage());
            }
        }
        long measureFrom = System.currentTimeMillis() + warmupMillis;
        long until = measureFrom + durationMillis;
        List<Thread> threads = new ArrayList<>();
        for (Session session : sessions) {
            Thread thread = new Thread(() -> session.work(measureFrom, until), "portal-" + session.user);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(until - System.currentTimeMillis() + TIMEOUT.toMillis() + 1000);
        }
        Map<String, Percentiles> pages = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (String kind : PAGE_KINDS) {
            List<Double> values;
            synchronized (millis.get(kind)) {
                values = List.copyOf(millis.get(kind));
            }
            pages.put(kind, Percentiles.of(values));
            all.addAll(values);
        }
        Map<String, Long> errorCounts = new LinkedHashMap<>();
        errors.forEach((kind, n) -> errorCounts.put(kind, n.get()));
        long errorCount = errorCounts.values().stream().mapToLong(Long::longValue).sum();
        List<Double> signIns;
        synchronized (signInMillis) {
            signIns = List.copyOf(signInMillis);
        }
        return new Result(USERS.size(), sessions.size(), durationMillis, Percentiles.of(signIns), pages,
                Percentiles.of(all), errorCounts, errorCount, lastError);
    }

    private void error(String kind, String text) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        lastError = kind + ": " + text;
    }

    /** One person in a browser: a cookie jar and connections of their own. */
    private final class Session {

        final String user;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String user) {
            this.user = user;
        }

        /** The real login form: GET it, read its CSRF token, POST the credentials with it. */
        void signIn() throws IOException, InterruptedException {
            long started = System.nanoTime();
            HttpResponse<String> form = get("/login");
            Matcher token = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("login page: " + form.statusCode() + ", CSRF token "
                        + (token.find(0) ? "found" : "missing"));
            }
            String csrf = token.group(1) != null ? token.group(1) : token.group(2);
            String body = "username=" + encode(user) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                    .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException("sign-in answered " + answer.statusCode() + " -> " + location);
            }
            signInMillis.add((System.nanoTime() - started) / 1e6);
        }

        /** Closed loop: the role's pages one after the other until {@code until}. */
        void work(long measureFrom, long until) {
            while (System.currentTimeMillis() < until) {
                if (user.startsWith("fg-")) {
                    String list = page("proposal list (focus group)", "/proposals", measureFrom);
                    String id = pick(PROPOSAL_LINK, list);
                    if (id != null) {
                        page("proposal page (focus group)", "/proposals/" + id, measureFrom);
                    }
                } else if (user.startsWith("rev-")) {
                    String inbox = page("review inbox", "/reviews", measureFrom);
                    String id = pick(CASE_LINK, inbox);
                    if (id != null) {
                        page("review case", "/reviews/" + id, measureFrom);
                    }
                } else {
                    page("dashboard (key figures)", "/coordination", measureFrom);
                    page("all proposals (coordination)", "/proposals", measureFrom);
                    page("delivery log", "/coordination/deliveries", measureFrom);
                }
            }
        }

        /** GETs one page; its time counts when it started in the measured window and answered 200. */
        private String page(String kind, String path, long measureFrom) {
            boolean measured = System.currentTimeMillis() >= measureFrom;
            long started = System.nanoTime();
            try {
                HttpResponse<String> answer = get(path);
                double elapsed = (System.nanoTime() - started) / 1e6;
                if (answer.statusCode() != 200) {
                    if (measured) {
                        error(kind, user + " " + path + ": " + answer.statusCode() + " "
                                + answer.headers().firstValue("Location").orElse(""));
                    }
                    return "";
                }
                if (measured) {
                    millis.get(kind).add(elapsed);
                }
                return answer.body();
            } catch (IOException | RuntimeException e) {
                if (measured) {
                    error(kind, user + " " + path + ": " + e);
                }
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** One of the ids a page links to, at random, or null. */
    private static String pick(Pattern link, String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = link.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.isEmpty() ? null : ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
