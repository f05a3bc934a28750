package io.proposalflow.platform.tracing;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Names the trace of every request in the response header {@value #HEADER}, so that a caller
 * (or a support request quoting it) can find everything that request caused in the logs of all
 * services. The trace id is no secret: it identifies a request, not a person.
 */
public class TraceIdResponseFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .map(context -> context.traceId())
                .orElseGet(TraceContexts::currentTraceId);
        if (traceId != null) {
            // set before the chain runs: headers are read-only once the response is committed
            exchange.getResponse().getHeaders().set(HEADER, traceId);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter, so 401 and 403 answers carry it too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
