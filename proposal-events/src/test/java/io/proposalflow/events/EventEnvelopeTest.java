package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventEnvelopeTest {

    private final EventCodec codec = EventCodec.instance();

    @Test
    void newEnvelopeTakesSourceAndTypeFromTheEventTypeAndTheProposalAsSubject() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope envelope = EventEnvelope.of(EventSamples.sample(EventType.PROPOSAL_SUBMITTED));

        assertThat(envelope.source()).isEqualTo(EventSources.PROPOSAL_SERVICE);
        assertThat(envelope.type()).isEqualTo("io.proposalflow.proposal.submitted.v1");
        assertThat(envelope.eventType()).isEqualTo(EventType.PROPOSAL_SUBMITTED);
        assertThat(envelope.subject()).isEqualTo(EventSamples.NEUERKERODE_PROPOSAL_ID.toString());
        assertThat(envelope.time()).isBetween(before, Instant.now())
                .isEqualTo(envelope.time().truncatedTo(ChronoUnit.MILLIS));
        assertThat(envelope.id()).isNotBlank().isNotEqualTo(EventEnvelope.of(envelope.data()).id());
    }

    @Test
    void headersCarryTheCloudEventsAttributesInBinaryMode() {
        EventEnvelope envelope = new EventEnvelope("evt-1", EventSources.REVIEW_SERVICE,
                EventType.REVIEW_OPENED.type(), EventSamples.NEUERKERODE_PROPOSAL_ID.toString(),
                Instant.parse("2025-10-01T08:30:00.125Z"), EventSamples.sample(EventType.REVIEW_OPENED));

        assertThat(envelope.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_id", "evt-1",
                "ce_source", "urn:proposalflow:review-service",
                "ce_specversion", "1.0",
                "ce_type", "io.proposalflow.review.opened.v1",
                "ce_subject", "3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e01",
                "ce_time", "2025-10-01T08:30:00.125Z",
                "content-type", "application/json"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void envelopeSurvivesHeadersAndBody(EventType type) {
        EventEnvelope sent = EventEnvelope.of(EventSamples.sample(type));

        EventEnvelope received = EventEnvelope.decode(sent.headers(), codec.encode(sent.data()), codec);

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void timeWithAnOffsetIsAcceptedAsRfc3339() {
        Map<String, String> headers = headersOf(EventType.REVIEW_CANCELLED);
        headers.put(CloudEventHeaders.TIME, "2025-10-01T10:30:00+02:00");

        assertThat(decode(headers, EventType.REVIEW_CANCELLED).time()).isEqualTo(Instant.parse("2025-10-01T08:30:00Z"));
    }

    @Test
    void subjectAndTimeAreOptionalAsInCloudEvents() {
        Map<String, String> headers = headersOf(EventType.REVIEW_CANCELLED);
        headers.remove(CloudEventHeaders.SUBJECT);
        headers.remove(CloudEventHeaders.TIME);

        EventEnvelope envelope = decode(headers, EventType.REVIEW_CANCELLED);

        assertThat(envelope.subject()).isNull();
        assertThat(envelope.time()).isNull();
    }

    @Test
    void messageWithoutIdIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.remove(CloudEventHeaders.ID);

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "missing ce_id");
    }

    @Test
    void messageWithoutTypeIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.remove(CloudEventHeaders.TYPE);

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "missing ce_type");
    }

    @Test
    void messageOfAnUnknownTypeIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.put(CloudEventHeaders.TYPE, "io.proposalflow.proposal.drafted.v2");

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "unknown type io.proposalflow.proposal.drafted.v2");
    }

    @Test
    void messageOfAnotherSpecVersionIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.put(CloudEventHeaders.SPEC_VERSION, "0.3");

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "unsupported ce_specversion 0.3");
    }

    @Test
    void messageWithoutSpecVersionIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.remove(CloudEventHeaders.SPEC_VERSION);

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "missing ce_specversion");
    }

    @Test
    void messageWithAnUnreadableTimeIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.put(CloudEventHeaders.TIME, "gestern");

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "invalid ce_time gestern");
    }

    @Test
    void messageThatIsNotJsonIsMalformed() {
        Map<String, String> headers = headersOf(EventType.PROPOSAL_DRAFTED);
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/avro");

        assertMalformed(headers, body(EventType.PROPOSAL_DRAFTED), "unsupported content-type application/avro");
    }

    @Test
    void bodyThatIsNotValidJsonIsMalformed() {
        byte[] truncated = "{\"proposalId\":\"3f6c2a8e".getBytes(StandardCharsets.UTF_8);

        assertMalformed(headersOf(EventType.PROPOSAL_DRAFTED), truncated,
                "body not valid JSON for type io.proposalflow.proposal.drafted.v1: ");
    }

    @Test
    void bodyOfAnotherTypeIsMalformed() {
        assertMalformed(headersOf(EventType.PROPOSAL_DRAFTED), body(EventType.REVIEW_OPENED),
                "body not valid JSON for type io.proposalflow.proposal.drafted.v1: ");
    }

    @Test
    void amountsTravelAsExactDecimalNumbers() {
        FundingApplicationUpdated granted = new FundingApplicationUpdated(EventSamples.AKTIF_PROPOSAL_ID, 9,
                "Akti(F)", FundingStage.GRANTED, new BigDecimal("12500.50"), new BigDecimal("12500.50"),
                LocalDate.of(2026, 3, 2), null);
        EventEnvelope sent = EventEnvelope.of(granted);
        byte[] body = codec.encode(granted);

        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("\"requestedAmountEur\":12500.50", "\"grantedAmountEur\":12500.50");
        FundingApplicationUpdated received =
                (FundingApplicationUpdated) EventEnvelope.decode(sent.headers(), body, codec).data();
        assertThat(received.requestedAmountEur()).isEqualTo(new BigDecimal("12500.50")).hasScaleOf(2);
        assertThat(received).isEqualTo(granted);
    }

    @Test
    void envelopeRefusesATypeThatDoesNotMatchItsPayload() {
        assertThatThrownBy(() -> new EventEnvelope("evt-1", EventSources.PROPOSAL_SERVICE,
                EventType.PROPOSAL_SUBMITTED.type(), null, null, EventSamples.sample(EventType.PROPOSAL_DRAFTED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProposalDrafted");
    }

    private EventEnvelope decode(Map<String, String> headers, EventType type) {
        return EventEnvelope.decode(headers, body(type), codec);
    }

    private void assertMalformed(Map<String, String> headers, byte[] body, String expectedMessage) {
        assertThatThrownBy(() -> EventEnvelope.decode(headers, body, codec))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    private static Map<String, String> headersOf(EventType type) {
        return new HashMap<>(EventEnvelope.of(EventSamples.sample(type)).headers());
    }

    private byte[] body(EventType type) {
        return codec.encode(EventSamples.sample(type));
    }
}
