package io.proposalflow.notification.api;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.notification.domain.NotResendable;
import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.web.ProblemDetailsAdvice;
import reactor.core.publisher.Mono;

/**
 * The one place that says what this service's domain failures are in HTTP: each becomes the platform's
 * problem type (RFC 9457 problem+json), written by the platform's advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainErrors {

    private final ProblemDetailsAdvice problems;

    public DomainErrors(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotResendable.class)
    public Mono<ResponseEntity<Object>> notResendable(NotResendable e, ServerWebExchange exchange) {
        return problems.conflict(new ConflictException(e.getMessage(),
                Map.of("currentStatus", e.currentStatus().name())), exchange);
    }
}
