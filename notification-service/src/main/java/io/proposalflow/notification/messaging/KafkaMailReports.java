package io.proposalflow.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.notification.application.MailReports;
import io.proposalflow.platform.outbox.OutboxEntry;
import io.proposalflow.platform.outbox.OutboxPublisher;

/**
 * Publishes a mail's report with the producer the outbox relay uses (same CloudEvents headers, key and
 * trace), but waits at most {@value #PATIENCE_SECONDS} s for the broker; after a failure it does not try
 * again for {@value #PAUSE_SECONDS} s, so that while Kafka is away every report goes the outbox's way at
 * once instead of holding up each mail's record.
 */
@Component
class KafkaMailReports implements MailReports {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaMailReports.class);
    private static final long PATIENCE_SECONDS = 2;
    private static final long PAUSE_SECONDS = 10;

    private final OutboxPublisher publisher;
    private final EventCodec codec;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    KafkaMailReports(OutboxPublisher publisher, EventCodec codec, Clock clock) {
        this.publisher = publisher.withSendTimeout(Duration.ofSeconds(PATIENCE_SECONDS));
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public boolean publish(NotificationEvent report) {
        if (clock.instant().isBefore(pausedUntil)) {
            return false;
        }
        OutboxEntry entry = OutboxEntry.of(EventEnvelope.of(report), codec);
        try {
            OutboxPublisher.BatchResult result = publisher.publishAll(Map.of(entry.eventId(), List.of(entry)));
            if (result.failures().isEmpty()) {
                return true;
            }
            pause(result.failure().toString());
        } catch (RuntimeException e) {
            pause(e.toString());
        }
        return false;
    }

    private void pause(String why) {
        pausedUntil = clock.instant().plusSeconds(PAUSE_SECONDS);
        LOG.info("A mail report could not be published directly ({}); reports go through the outbox for {} s",
                why, PAUSE_SECONDS);
    }
}
