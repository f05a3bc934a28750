package io.proposalflow.platform.persistence;

import java.time.Duration;
import java.util.List;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;

/**
 * Creates a service's indexes at start. Spring Data creates annotated indexes only when told to; an
 * explicit list is easier to review. Creating an existing index is a no-op, so every instance may run
 * this at every start. MongoDB may be down at start: queries work without indexes, only slower, so a
 * failure is logged and the service starts anyway. (The embedded stand-in accepts and ignores
 * non-unique indexes.)
 */
public final class StartupIndexes {

    private static final Logger log = LoggerFactory.getLogger(StartupIndexes.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private StartupIndexes() {
    }

    /**
     * @param what      for the log line, e.g. "review_cases"
     * @param creations the {@code indexOps(...).createIndex(...)} calls, run one after another
     */
    public static void create(String what, List<? extends Publisher<?>> creations) {
        try {
            Flux.concat(creations).then().block(PATIENCE);
        } catch (RuntimeException e) {
            log.warn("Could not create the {} indexes (queries work without them, only slower): {}", what,
                    e.toString());
        }
    }
}
