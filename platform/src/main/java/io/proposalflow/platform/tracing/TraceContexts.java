package io.proposalflow.platform.tracing;

import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * Carries a trace across the places where no thread or Reactor context does: an event waits in
 * an outbox (or a mail in a notification document) and is handled later on another thread. The
 * trace is stored as a W3C {@code traceparent} string and continued from it.
 *
 * <p>Static because {@link io.proposalflow.platform.persistence.AggregateDocument#enqueue} is
 * called from plain domain code that has no beans at hand. {@code PlatformObservabilityAutoConfiguration}
 * installs the tracer and the observation registry; without them (tracing not on the classpath, a
 * unit test) every method is a harmless no-op. Brave keeps the current span in one thread-local
 * shared by all its tracers, so several application contexts in one test JVM see the same current
 * span whichever tracer was installed last.
 *
 * <p>Unsampled traces (sampling probability below 1) travel too, flagged "not sampled": their ids
 * still tie the log lines of one story together.
 */
public final class TraceContexts {

    /** The W3C Trace Context header name, also the field name in stored documents. */
    public static final String TRACEPARENT = "traceparent";
    /** The same value under the CloudEvents distributed-tracing extension's Kafka header name. */
    public static final String CE_TRACEPARENT = "ce_traceparent";

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static volatile Tracer tracer;
    private static volatile ObservationRegistry observations;

    private TraceContexts() {
    }

    /** Installed once per application context; the last one wins (see class comment). */
    public static void install(Tracer newTracer, ObservationRegistry newObservations) {
        tracer = newTracer;
        observations = newObservations;
    }

    /** The current span as a W3C {@code traceparent}, or {@code null} outside any trace. */
    public static String currentTraceparent() {
        Tracer t = tracer;
        Span span = t == null ? null : t.currentSpan();
        // an unsampled span (sampling probability below 1) still has ids, and its trace is still
        // worth following in the logs: it travels on, flagged "not sampled"
        TraceContext context = span == null ? null : span.context();
        if (context == null || context.traceId() == null || context.traceId().isEmpty()) {
            return null;
        }
        return "00-" + pad(context.traceId(), 32) + "-" + pad(context.spanId(), 16) + "-"
                + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
    }

    /** The trace id of the current span, or {@code null}. */
    public static String currentTraceId() {
        return traceId(currentTraceparent());
    }

    /** The trace id inside a {@code traceparent}, or {@code null} if it is not a valid one. */
    public static String traceId(String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    /**
     * Starts an observation (and so a span) that continues the trace of {@code traceparent} and
     * opens its scope on this thread until the returned scope is closed; log lines written meanwhile
     * carry its trace id. It is an observation, not a bare span, because Reactor's automatic context
     * propagation carries observations (not spans) into operators running on other threads, such as
     * the MongoDB driver's, where an outbox event may be enqueued. The trace id is taken from the
     * traceparent by Boot's receiver tracing handler, as for a consumed Kafka record. Without a
     * valid traceparent (a document from before tracing) nothing is opened.
     *
     * @param name observation name, also the name of its timer metric (e.g. {@code notification.dispatch})
     */
    public static Scope continueTrace(String traceparent, String name) {
        ObservationRegistry registry = observations;
        if (registry == null || !isValid(traceparent)) {
            return Scope.NONE;
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(Map.of(TRACEPARENT, traceparent));
        Observation observation = Observation.createNotStarted(name, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        return () -> {
            scope.close();
            observation.stop();
        };
    }

    private static String pad(String id, int length) {
        return id.length() >= length ? id : "0".repeat(length - id.length()) + id;
    }

    /** A span opened by {@link #continueTrace}; closing it ends the span. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        Scope NONE = () -> { };

        @Override
        void close();
    }
}
