package io.proposalflow.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}: what waits in the outboxes and what is parked (GET), and another round of
 * attempts for every parked document once its cause is fixed (POST). Needs a login like every
 * actuator endpoint but health and the Prometheus scrape; put management on its own port in
 * production.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    public Map<String, Object> outbox() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pendingDocuments", relay.pendingCount());
        state.put("parkedDocuments", relay.parkedCount());
        state.put("parked", relay.parked(100));
        state.put("lastError", relay.lastError());
        return state;
    }

    @WriteOperation
    public Map<String, Object> retryParked() {
        return Map.of("released", relay.retryParked());
    }
}
