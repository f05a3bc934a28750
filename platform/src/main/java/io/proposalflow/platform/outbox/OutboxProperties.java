package io.proposalflow.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections MongoDB collections whose documents carry an outbox; empty disables the relay
 * @param pollInterval how often the relay looks for pending events when nothing nudges it
 * @param lease how long a relay instance owns a claimed document; after that another may take over
 * @param batchSize how many documents one pass claims per collection before looking again
 * @param sendTimeout how long to wait for the broker to acknowledge one event
 * @param maxAttempts failed attempts at a document's next event (refused by the broker, not an outage)
 *                    after which the document is parked until an operator retries it
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        List<String> collections,
        Duration pollInterval,
        Duration lease,
        int batchSize,
        Duration sendTimeout,
        int maxAttempts) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
    }
}
