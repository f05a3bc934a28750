package io.proposalflow.platform.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.proposalflow.platform.outbox.OutboxRelay;

/**
 * Shows how many events wait to be published and the relay's last failure. Pending events are
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
        if (relay.lastError() != null) {
            builder.withDetail("lastError", relay.lastError());
        }
    }
}
