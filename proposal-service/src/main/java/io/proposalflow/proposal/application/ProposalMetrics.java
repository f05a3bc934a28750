package io.proposalflow.proposal.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.persistence.ProposalRepository;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauge {@code proposalflow.proposals{status=...}}: proposals per status. The counts come from
 * MongoDB every {@code proposal.metrics.refresh} (default 30 s) and are cached, so a Prometheus
 * scrape reads memory only and never waits for (or loads) the database. NaN until first counted.
 */
@Component
public class ProposalMetrics implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalMetrics.class);

    private final ProposalRepository proposals;
    private final Duration refresh;
    private final Map<ProposalStatus, AtomicLong> counts = new EnumMap<>(ProposalStatus.class);
    private volatile Disposable refresher;

    public ProposalMetrics(ProposalRepository proposals, MeterRegistry meters,
            @Value("${proposal.metrics.refresh:30s}") Duration refresh) {
        this.proposals = proposals;
        this.refresh = refresh;
        for (ProposalStatus status : ProposalStatus.values()) {
            AtomicLong count = new AtomicLong(-1);
            counts.put(status, count);
            Gauge.builder("proposalflow.proposals", count, c -> c.get() < 0 ? Double.NaN : c.get())
                    .description("Proposals per status, counted every " + refresh)
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    /** Counts every status once; what the timer runs (public for tests that need fresh figures). */
    public Mono<Void> refresh() {
        return Flux.fromIterable(counts.keySet())
                .concatMap(status -> proposals.countInStatus(status)
                        .doOnNext(count -> counts.get(status).set(count)))
                .then();
    }

    @Override
    public void start() {
        refresher = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> refresh()
                        // MongoDB away: keep the last figures; the mongo health check reports the outage
                        .onErrorResume(e -> {
                            LOG.debug("Proposal counts not refreshed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = refresher;
        if (d != null) {
            d.dispose();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
