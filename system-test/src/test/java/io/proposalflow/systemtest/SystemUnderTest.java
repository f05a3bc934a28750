package io.proposalflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.launcher.ApiClient;
import io.proposalflow.launcher.Ports;
import io.proposalflow.launcher.ProposalSystem;
import io.proposalflow.launcher.Service;
import io.proposalflow.launcher.SystemConfig;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The running system as the stories see it: the public APIs of the three services, the topics
 * (read as an independent consumer) and the recipients' mailboxes. Started once for all stories,
 * the way {@code ./run.sh} starts it, on free ports and a fresh data directory.
 */
final class SystemUnderTest implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final ProposalSystem system;
    final ApiClient proposals;
    final ApiClient reviews;
    final ApiClient notifications;
    final Mailbox mailbox;

    private SystemUnderTest(ProposalSystem system) {
        this.system = system;
        this.proposals = system.api(Service.PROPOSAL);
        this.reviews = system.api(Service.REVIEW);
        this.notifications = system.api(Service.NOTIFICATION);
        this.mailbox = new Mailbox(system.config().ports().imap());
    }

    static SystemUnderTest start() {
        Path root = Path.of(System.getProperty("proposalflow.root", "..")).toAbsolutePath().normalize();
        // kept under target/ so the processes' logs can be read after a failed run
        Path data = root.resolve("system-test/target/system-run-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                        .format(Instant.now()));
        SystemConfig config = new SystemConfig(root, data, Ports.free(), SystemConfig.currentJava(),
                SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS,
                // mail goes out within a fifth of a second instead of a second: shorter waits
                Map.of("NOTIFICATION_POLL_INTERVAL", "200ms"));
        return new SystemUnderTest(ProposalSystem.start(config));
    }

    @Override
    public void close() {
        system.close();
    }

    /**
     * The system started before a test class and stopped after it:
     * {@code @RegisterExtension static final SystemUnderTest.PerClass SYSTEM = new SystemUnderTest.PerClass();}
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private SystemUnderTest sut;

        @Override
        public void beforeAll(ExtensionContext context) {
            sut = start();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (sut != null) {
                sut.close();
            }
        }

        SystemUnderTest get() {
            return sut;
        }
    }

    // ---------------------------------------------------------------- proposals

    JsonNode create(String focusGroupUser, Map<String, Object> content) {
        JsonNode created = proposals.as(focusGroupUser).post("/api/proposals", content).expect(201);
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        return created;
    }

    /** A lifecycle action (submit, resubmit, withdraw) with the current version as If-Match. */
    JsonNode act(String user, String proposalId, String action, Object body) {
        return actAnswer(user, proposalId, action, body).json();
    }

    /** The same, with the whole answer (headers too), once it is known to be 200. */
    ApiClient.Response actAnswer(String user, String proposalId, String action, Object body) {
        ApiClient client = proposals.as(user);
        ApiClient.Response answer = client.send("POST", "/api/proposals/" + proposalId + "/" + action, body,
                Map.of("If-Match", etag(client, proposalId)));
        answer.expect(200);
        return answer;
    }

    /** The lines of a service's log (the launcher writes each process's output to a file). */
    List<String> logLines(Service service) {
        try {
            return java.nio.file.Files.readAllLines(system.process(service).logFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonNode edit(String user, String proposalId, Map<String, Object> content) {
        ApiClient client = proposals.as(user);
        return client.send("PUT", "/api/proposals/" + proposalId, content,
                Map.of("If-Match", etag(client, proposalId))).expect(200);
    }

    JsonNode reportFunding(String proposalId, Map<String, Object> report) {
        ApiClient client = proposals.as("koordination");
        return client.send("PUT", "/api/proposals/" + proposalId + "/funding-application", report,
                Map.of("If-Match", etag(client, proposalId))).expect(200);
    }

    private static String etag(ApiClient client, String proposalId) {
        ApiClient.Response current = client.get("/api/proposals/" + proposalId);
        current.expect(200);
        return current.header("ETag");
    }

    JsonNode awaitStatus(String proposalId, String status) {
        return eventually("proposal " + proposalId + " in status " + status,
                () -> proposals.as("koordination").get("/api/proposals/" + proposalId).expect(200),
                p -> status.equals(p.get("status").asString()));
    }

    // ---------------------------------------------------------------- reviews

    /** The review case of a proposal's round once its reviewers are assigned, as a coordinator sees it. */
    JsonNode awaitReviewCase(String proposalId, int round, String status) {
        return eventually("review case of " + proposalId + " round " + round + " in status " + status, () -> {
            JsonNode page = reviews.as("koordination").get("/api/reviews?size=100").expect(200);
            for (JsonNode c : page.get("content")) {
                if (proposalId.equals(c.get("proposalId").asString()) && c.get("round").asInt() == round) {
                    return c;
                }
            }
            return null;
        }, c -> c != null && status.equals(c.get("status").asString()));
    }

    static List<String> reviewerIds(JsonNode reviewCase) {
        List<String> ids = new ArrayList<>();
        reviewCase.get("reviewers").forEach(r -> ids.add(r.get("reviewerId").asString()));
        return ids;
    }

    ApiClient.Response decide(String reviewer, String caseId, String decision, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("scores", Map.of("need", 5, "feasibility", 4, "integrationImpact", 5, "sustainability", 4));
        if (comment != null) {
            body.put("comment", comment);
        }
        return reviews.as(reviewer).post("/api/reviews/" + caseId + "/decisions", body);
    }

    // ---------------------------------------------------------------- directory and mail

    /** Reviewer id -> mail address, from notification-service's directory. */
    Map<String, String> reviewerAddresses() {
        Map<String, String> addresses = new HashMap<>();
        notifications.as("koordination").get("/api/recipients/reviewers?size=100").expect(200).get("content")
                .forEach(r -> addresses.put(r.get("id").asString(), r.get("email").asString()));
        return addresses;
    }

    /** Reviewer ids whose mails are in English (the directory's language DE or EN). */
    java.util.Set<String> reviewersReadingEnglish() {
        java.util.Set<String> english = new java.util.HashSet<>();
        notifications.as("koordination").get("/api/recipients/reviewers?size=100").expect(200).get("content").forEach(r -> {
            if ("EN".equals(r.get("language").asString())) {
                english.add(r.get("id").asString());
            }
        });
        return english;
    }

    /** The shared address of the focus group of a Themenfeld (e.g. WORK_ECONOMY). */
    String focusGroupAddress(String themenfeld) {
        for (JsonNode group : notifications.as("koordination").get("/api/recipients/focus-groups?size=100").expect(200).get("content")) {
            if (group.get("id").asString().equals(themenfeld)) {
                return group.get("email").asString();
            }
        }
        throw new AssertionError("no focus group address for " + themenfeld);
    }

    /** The contact persons' addresses of a partner organisation. */
    List<String> contactAddresses(String organisationId) {
        List<String> addresses = new ArrayList<>();
        notifications.as("koordination").get("/api/recipients/partners/" + organisationId).expect(200)
                .get("contacts").forEach(c -> addresses.add(c.get("email").asString()));
        return addresses;
    }

    /** Waits until the mailbox holds a mail for each subject fragment, and returns the mailbox. */
    List<Mailbox.Mail> awaitMails(String address, List<String> subjectFragments) {
        return eventually(address + " has mails " + subjectFragments, () -> mailbox.read(address),
                mails -> subjectFragments.stream().allMatch(fragment -> mails.stream()
                        .anyMatch(m -> m.subject() != null && m.subject().contains(fragment))));
    }

    // ---------------------------------------------------------------- events

    /**
     * The events of one proposal on a topic, in the order the topic holds them (one partition per
     * key keeps them in order), once {@code complete} holds. Redeliveries of the same event (the
     * outbox may publish an event twice, ADR 1) are kept: callers decide what they tolerate.
     */
    List<Received> awaitEvents(String topic, String proposalId, Predicate<List<Received>> complete) {
        try (TopicProbe probe = new TopicProbe(system.config().kafkaBootstrapServers(), topic)) {
            List<Received> events = new ArrayList<>();
            probe.readUntil(records -> {
                events.clear();
                records.stream().filter(r -> proposalId.equals(r.key())).map(Received::of).forEach(events::add);
                return complete.test(distinct(events));
            }, PATIENCE);
            return List.copyOf(events);
        }
    }

    /** The events without redeliveries (same CloudEvents id), in first-seen order. */
    static List<Received> distinct(List<Received> events) {
        Map<String, Received> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.envelope().id(), e));
        return List.copyOf(byId.values());
    }

    /** A record from a topic: its key, raw headers and the decoded CloudEvent. */
    record Received(String key, Map<String, String> headers, EventEnvelope envelope) {

        static Received of(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Received(record.key(), headers,
                    EventEnvelope.decode(headers, record.value(), EventCodec.instance()));
        }

        String type() {
            return envelope.type();
        }
    }

    // ---------------------------------------------------------------- waiting

    /** Waits as every test does ({@link Eventually}), with the patience a whole system needs. */
    static <T> T eventually(String what, Supplier<T> read, Predicate<T> done) {
        return Eventually.value(what, PATIENCE, read, done);
    }
}
