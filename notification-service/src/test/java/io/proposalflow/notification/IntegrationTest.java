package io.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.WithTestBackends;
import io.proposalflow.testsupport.ApiContract;

/**
 * Base of every integration test: the same configuration everywhere, so all test classes share one
 * cached application context. That matters beyond start-up time: every context's consumers join the
 * same consumer group, so a second context would take some of the events and plan their mails in
 * its own database. Events go in as the real producers send them (key, CloudEvents headers).
 *
 * <p>The settings below make time-bound behaviour observable within a test: short mail leases (a
 * slow server outlasting one), a short wait for an overtaken event before it is dead-lettered, and
 * a patient SMTP client (the slow server is slow on purpose). The store is a spy that does what the
 * real one does unless a test makes a write fail (reset after each test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notification.delivery.lease=2s",
        "platform.messaging.max-wait-for-earlier-event=8s",
        "spring.mail.properties.mail.smtp.timeout=30000" })
@WithTestBackends
public abstract class IntegrationTest {

    @MockitoSpyBean
    protected NotificationStore store;

    /** What reports a sent mail straight away; a spy, as the store. */
    @MockitoSpyBean
    protected io.proposalflow.notification.application.MailReports reports;

    @Autowired
    private JavaMailSenderImpl mailSender;

    /** Sends mail to a server of the test's own on 127.0.0.1 until closed, then to the shared one again. */
    protected MailServerSwitch mailServerAt(int port) {
        String sharedHost = mailSender.getHost();
        int sharedPort = mailSender.getPort();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(port);
        return () -> {
            mailSender.setHost(sharedHost);
            mailSender.setPort(sharedPort);
        };
    }

    /** Closing it points the application back at the shared test mail server. */
    protected interface MailServerSwitch extends AutoCloseable {
        @Override
        void close();
    }

    /** Demo directory entries the tests mail to (see DemoDirectory). */
    protected static final String ANNA = "anna.bergmann@example.org";
    protected static final String ELENA = "elena.petrova@example.org";
    protected static final String FOCUS_GROUP_WORK = "fokusgruppe.arbeitswelt@example.org";
    protected static final String PETER_REVIEWER = "peter.lange@example.org";
    protected static final String MARIA_REVIEWER = "maria.santos@example.org";

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("notification-service")).responseTimeout(TIMEOUT).build();
    }

    protected WebTestClient coordinator() {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth("koordination", "demo")).build();
    }

    protected static EventEnvelope publish(DomainEvent payload) {
        EventEnvelope envelope = EventEnvelope.of(payload);
        publish(envelope);
        return envelope;
    }

    protected static void publish(EventEnvelope envelope) {
        EventSender.get().send(envelope);
    }

    /**
     * A first submission of a new proposal of the WORK_ECONOMY focus group with Stiftung Neuerkerode
     * (Anna, German) and the Kreisvolkshochschule (Elena, English) as partners; the title is unique.
     */
    protected static ProposalSubmitted newSubmission(String titlePrefix, String... partnerIds) {
        UUID id = UUID.randomUUID();
        String title = titlePrefix + " " + id.toString().substring(0, 8);
        List<PartnerRef> partners = partnerIds.length == 0
                ? List.of(new PartnerRef("stiftung-neuerkerode", "Stiftung Neuerkerode", "Träger"),
                        new PartnerRef("kreisvolkshochschule-goslar", "Kreisvolkshochschule Goslar", "Sprachkurs"))
                : Arrays.stream(partnerIds).map(p -> new PartnerRef(p, p, "Partner")).toList();
        ProposalContent content = new ProposalContent(title,
                "Teilzeitausbildung mit Sprachkurs und Kinderbetreuung", Themenfeld.WORK_ECONOMY,
                List.of("12 Ausbildungsplätze"), List.of("Alleinerziehende Mütter mit Migrationsgeschichte"),
                partners, new BigDecimal("12500.00"), LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31), null);
        return new ProposalSubmitted(id, 1, content, "fg-arbeitswelt");
    }

    /**
     * How many notifications the delivery log lists for the proposal, in {@code status} (null: in any),
     * as the coordination reads it.
     */
    protected long notifications(Object proposalId, String status) {
        Map<?, ?> page = coordinator().get()
                .uri(b -> b.path("/api/notifications").queryParam("proposalId", proposalId)
                        .queryParamIfPresent("status", java.util.Optional.ofNullable(status)).build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) page.get("totalElements")).longValue();
    }

    /** Waits until the delivery log lists {@code count} notifications of the proposal in {@code status}. */
    protected void awaitNotifications(Object proposalId, String status, long count) {
        Eventually.value(count + " " + status + " notifications of proposal " + proposalId,
                () -> notifications(proposalId, status), n -> n == count);
    }

    /** Waits for the one mail to {@code address} whose subject contains {@code subjectPart}. */
    protected static Mailbox.Mail awaitOne(String address, String subjectPart) {
        Eventually.until("a mail to " + address + " about " + subjectPart,
                () -> !Mailbox.read(host(), imapPort(), address, subjectPart).isEmpty());
        List<Mailbox.Mail> mails = Mailbox.read(host(), imapPort(), address, subjectPart);
        assertThat(mails).as("mails to %s about %s", address, subjectPart).hasSize(1);
        return mails.get(0);
    }

    protected static String host() {
        return TestBackends.get().smtpHost();
    }

    protected static int imapPort() {
        return TestBackends.get().imapPort();
    }
}
