package io.proposalflow.platform.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.proposalflow.platform.outbox.OutboxRelay;

/**
 * Shows how many events wait to be published, the documents parked after the broker refused their
 * event several times (with the error), and the relay's last failure. Pending events are
 * not an outage of this service (they are safe in MongoDB), so this stays UP; Kafka's own
 * indicator says whether the broker is reachable.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    public OutboxHealthIndicator(OutboxRelay relay) {
        super("Outbox health check failed");
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("pendingEvents", relay.pendingCount())
                .withDetail("publishedSinceStart", relay.publishedCount());
        long parked = relay.parkedCount();
        builder.withDetail("parkedDocuments", parked);
        if (parked > 0) {
            // what an operator needs to act: which documents, why; POST /actuator/outbox retries them
            builder.withDetail("parked", relay.parked(5));
        }
        if (relay.lastError() != null) {
            builder.withDetail("lastError", relay.lastError());
        }
    }
}
