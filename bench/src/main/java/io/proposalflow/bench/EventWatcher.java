package io.proposalflow.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Topics;

/**
 * Follows the three topics as an independent consumer (no group: it never disturbs the services'
 * offsets) and stamps each proposal's flow: review opened, reviewers assigned (which starts the
 * reviewers' decisions), approved, and every mail sent until the last one.
 */
final class EventWatcher implements AutoCloseable {

    /**
     * Mails one bench proposal causes (one partner contact, one focus group address, two reviewers),
     * one per person and step: the submission and the review's outcome go to the partner and the
     * focus group (2 x 2), the assignment to each reviewer (2). Until the notifications issue the
     * status changes were mailed as well, 10 per proposal.
     */
    static final int MAILS_PER_PROPOSAL = 6;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Flow> flows;
    private final BiConsumer<Flow, ReviewersAssigned> onReviewersAssigned;
    private final Map<String, Long> eventTimes = new HashMap<>();
    private final Map<String, Long> distinctEventsPerTopic = new ConcurrentHashMap<>();
    private final Map<String, Long> distinctEventsPerType = new ConcurrentHashMap<>();
    private final java.util.Set<String> seenIds = new java.util.HashSet<>();
    final AtomicLong redeliveries = new AtomicLong();
    final AtomicLong eventBytes = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong unexpectedMails = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    EventWatcher(String bootstrapServers, Map<String, Flow> flows, BiConsumer<Flow, ReviewersAssigned> onReviewersAssigned) {
        this.flows = flows;
        this.onReviewersAssigned = onReviewersAssigned;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.PROPOSAL_EVENTS, Topics.REVIEW_EVENTS, Topics.NOTIFICATION_EVENTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        // only what happens from now on: an earlier run's events are not this run's
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        EventCodec codec = EventCodec.instance();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Map<String, String> headers = new HashMap<>();
                for (Header h : record.headers()) {
                    headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
                EventEnvelope event;
                try {
                    event = EventEnvelope.decode(headers, record.value(), codec);
                } catch (RuntimeException e) {
                    continue;
                }
                if (!seenIds.add(event.id())) {
                    redeliveries.incrementAndGet();
                    continue;
                }
                events.incrementAndGet();
                eventBytes.addAndGet(record.value().length);
                distinctEventsPerTopic.merge(record.topic(), 1L, Long::sum);
                distinctEventsPerType.merge(event.type(), 1L, Long::sum);
                long at = event.time().toEpochMilli();
                eventTimes.put(event.id(), at);
                Flow flow = flows.get(record.key());
                if (flow != null) {
                    handle(flow, event, at);
                }
            }
        }
    }

    private void handle(Flow flow, EventEnvelope event, long at) {
        if (event.data() instanceof ReviewOpened) {
            flow.reviewOpenedAt = at;
        } else if (event.data() instanceof ReviewersAssigned e && !flow.decisionsStarted) {
            flow.decisionsStarted = true;
            onReviewersAssigned.accept(flow, e);
        } else if (event.data() instanceof ReviewCompleted e && e.outcome() == ReviewOutcome.APPROVED) {
            flow.approvedAt = at;
        } else if (event.data() instanceof NotificationSent e) {
            Long source = eventTimes.get(e.sourceEventId());
            synchronized (flow) {
                flow.mailsSent++;
                if (source != null) {
                    flow.eventToMailMillis.add((double) (at - source));
                }
                flow.lastMailAt = Math.max(flow.lastMailAt, at);
                if (flow.mailsSent == MAILS_PER_PROPOSAL) {
                    flow.completedAt = System.currentTimeMillis();
                } else if (flow.mailsSent > MAILS_PER_PROPOSAL) {
                    unexpectedMails.incrementAndGet();
                }
            }
        }
    }

    Map<String, Long> distinctEventsPerTopic() {
        return Map.copyOf(distinctEventsPerTopic);
    }

    /** Events seen once or more, by CloudEvents type. */
    Map<String, Long> distinctEventsPerType() {
        return Map.copyOf(distinctEventsPerType);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
