package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void everyPayloadRecordHasExactlyOneEventType() {
        List<Class<?>> payloadRecords = payloadRecords(DomainEvent.class);

        assertThat(payloadRecords).hasSize(EventType.values().length);
        for (Class<?> payloadRecord : payloadRecords) {
            assertThat(Arrays.stream(EventType.values()).filter(type -> type.payloadClass() == payloadRecord))
                    .as("event types of %s", payloadRecord.getSimpleName())
                    .hasSize(1);
        }
    }

    @Test
    void typeNamesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void typeNameIsVersionedAndResolvesBack(EventType type) {
        assertThat(type.type()).startsWith("io.proposalflow.").endsWith(".v1");
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(EventType.of(EventSamples.sample(type))).isEqualTo(type);
    }

    @Test
    void eachTopicHasOnePublishingSource() {
        Map<String, List<String>> sourcesByTopic = Arrays.stream(EventType.values()).collect(Collectors.groupingBy(
                EventType::topic, Collectors.mapping(EventType::source, Collectors.toList())));

        assertThat(sourcesByTopic).containsOnlyKeys(Topics.PROPOSAL_EVENTS, Topics.REVIEW_EVENTS,
                Topics.NOTIFICATION_EVENTS);
        assertThat(sourcesByTopic.get(Topics.PROPOSAL_EVENTS)).containsOnly(EventSources.PROPOSAL_SERVICE);
        assertThat(sourcesByTopic.get(Topics.REVIEW_EVENTS)).containsOnly(EventSources.REVIEW_SERVICE);
        assertThat(sourcesByTopic.get(Topics.NOTIFICATION_EVENTS)).containsOnly(EventSources.NOTIFICATION_SERVICE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void topicMatchesTheSealedFamilyOfThePayload(EventType type) {
        String expectedTopic = ProposalEvent.class.isAssignableFrom(type.payloadClass()) ? Topics.PROPOSAL_EVENTS
                : ReviewEvent.class.isAssignableFrom(type.payloadClass()) ? Topics.REVIEW_EVENTS
                : Topics.NOTIFICATION_EVENTS;
        assertThat(type.topic()).isEqualTo(expectedTopic);
    }

    @Test
    void unknownOrMissingTypeResolvesToNothing() {
        assertThat(EventType.fromType("io.proposalflow.proposal.submitted.v2")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
    }

    /** The leaves of the sealed hierarchy: records, found through the interfaces' permitted subclasses. */
    private static List<Class<?>> payloadRecords(Class<?> sealedType) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                records.addAll(payloadRecords(permitted));
            } else {
                assertThat(permitted.isRecord()).as("%s is a record", permitted.getSimpleName()).isTrue();
                records.add(permitted);
            }
        }
        return records;
    }
}
