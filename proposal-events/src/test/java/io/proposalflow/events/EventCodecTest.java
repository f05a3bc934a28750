package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = EventCodec.instance();

    @Test
    void datesAndInstantsAreWrittenAsIsoStrings() {
        JsonNode opened = encoded(EventType.REVIEW_OPENED);
        JsonNode funding = encoded(EventType.FUNDING_APPLICATION_UPDATED);

        assertThat(opened.get("dueAt").asString()).isEqualTo("2025-10-17T16:00:00Z");
        assertThat(funding.get("stageDate").asString()).isEqualTo("2025-09-30");
    }

    @Test
    void nullPropertiesAreWrittenAsNullNotLeftOut() {
        JsonNode funding = encoded(EventType.FUNDING_APPLICATION_UPDATED);

        assertThat(funding.has("grantedAmountEur")).isTrue();
        assertThat(funding.get("grantedAmountEur").isNull()).isTrue();
    }

    @Test
    void amountsAreNumbersEvenWhenAnotherMapperWritesThem() {
        DomainEvent sample = EventSamples.sample(EventType.FUNDING_APPLICATION_UPDATED);
        JsonNode funding = JSON.readTree(JSON.writeValueAsString(sample));

        assertThat(funding.get("requestedAmountEur").isNumber()).isTrue();
        assertThat(funding.get("requestedAmountEur").decimalValue()).isEqualByComparingTo("248000.00");
    }

    /** Topics keep events for ever: those written before amounts became numbers (ADR 11) must still be read. */
    @Test
    void anAmountAnEarlierProducerWroteAsAStringIsStillRead() {
        ObjectNode json = encoded(EventType.FUNDING_APPLICATION_UPDATED);
        json.put("requestedAmountEur", "248000.00");

        FundingApplicationUpdated read = (FundingApplicationUpdated) decode(EventType.FUNDING_APPLICATION_UPDATED, json);

        assertThat(read.requestedAmountEur()).isEqualTo(new BigDecimal("248000.00"));
    }

    @Test
    void anOlderConsumerAcceptsAPropertyANewerProducerAdded() {
        ObjectNode json = encoded(EventType.REVIEW_CANCELLED);
        json.put("cancelledBy", "koordination");

        assertThat(decode(EventType.REVIEW_CANCELLED, json)).isEqualTo(EventSamples.sample(EventType.REVIEW_CANCELLED));
    }

    @Test
    void aMissingPropertyIsMalformed() {
        ObjectNode json = encoded(EventType.REVIEW_CANCELLED);
        json.remove("reason");

        assertThatThrownBy(() -> decode(EventType.REVIEW_CANCELLED, json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void nullWhereTheContractHasNoNullableIsMalformed() {
        ObjectNode json = encoded(EventType.REVIEW_CANCELLED);
        json.putNull("proposalId");

        assertThatThrownBy(() -> decode(EventType.REVIEW_CANCELLED, json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("proposalId");
    }

    @Test
    void nullInsideAListIsMalformed() {
        ObjectNode json = encoded(EventType.REVIEWERS_ASSIGNED);
        json.withArray("reviewerIds").addNull();

        assertThatThrownBy(() -> decode(EventType.REVIEWERS_ASSIGNED, json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("/reviewerIds/2");
    }

    @Test
    void nullForANumberIsMalformed() {
        ObjectNode json = encoded(EventType.REVIEW_OPENED);
        json.putNull("round");

        assertThatThrownBy(() -> decode(EventType.REVIEW_OPENED, json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("round");
    }

    @Test
    void nullIsAcceptedWhereTheContractAllowsIt() {
        NotificationFailed failed = (NotificationFailed) EventSamples.sample(EventType.NOTIFICATION_FAILED);

        assertThat(failed.organisationId()).isNull();
        assertThat(codec.<NotificationFailed>decode(EventType.NOTIFICATION_FAILED, codec.encode(failed)))
                .isEqualTo(failed);
    }

    @Test
    void anUnknownEnumConstantIsMalformedAndNamesTheProperty() {
        ObjectNode json = encoded(EventType.PROPOSAL_DRAFTED);
        json.put("themenfeld", "SPORT");

        assertThatThrownBy(() -> decode(EventType.PROPOSAL_DRAFTED, json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("SPORT")
                .hasMessageContaining("/themenfeld");
    }

    @Test
    void anEmptyOrNullBodyIsMalformed() {
        assertThatThrownBy(() -> codec.decode(EventType.PROPOSAL_DRAFTED, new byte[0]))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode(EventType.PROPOSAL_DRAFTED, "null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anUnknownTypeNameIsMalformed() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("io.proposalflow.proposal.archived.v1", body))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("unknown type io.proposalflow.proposal.archived.v1");
    }

    private ObjectNode encoded(EventType type) {
        return (ObjectNode) JSON.readTree(codec.encode(EventSamples.sample(type)));
    }

    private DomainEvent decode(EventType type, JsonNode json) {
        return codec.decode(type, JSON.writeValueAsBytes(json));
    }
}
