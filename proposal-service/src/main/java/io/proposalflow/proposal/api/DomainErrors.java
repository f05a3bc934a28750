package io.proposalflow.proposal.api;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.web.ProblemDetailsAdvice;
import io.proposalflow.proposal.application.StaleVersionException;
import io.proposalflow.proposal.domain.ForeignThemenfeldException;
import io.proposalflow.proposal.domain.IllegalTransitionException;
import io.proposalflow.proposal.domain.ThemenfeldChangeException;
import reactor.core.publisher.Mono;

/**
 * The one place where this service's domain and application refusals become HTTP answers. Each is
 * handed to the platform's problem+json handling as the platform's problem type, so the body is the one
 * every service writes. Ordered first: the platform's advice also has a catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrors {

    private final ProblemDetailsAdvice problems;

    DomainErrors(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    /** 409 naming the current status and what may be done in it. */
    @ExceptionHandler(IllegalTransitionException.class)
    Mono<ResponseEntity<Object>> illegalTransition(IllegalTransitionException e, ServerWebExchange exchange) {
        return problems.conflict(new ConflictException(e.getMessage(), Map.of(
                "currentStatus", e.currentStatus(), "allowedActions", e.allowedActions())), exchange);
    }

    /** 409 naming the Themenfeld the proposal keeps. */
    @ExceptionHandler(ThemenfeldChangeException.class)
    Mono<ResponseEntity<Object>> themenfeldChange(ThemenfeldChangeException e, ServerWebExchange exchange) {
        return problems.conflict(new ConflictException(e.getMessage(), Map.of("themenfeld", e.themenfeld())),
                exchange);
    }

    /** 403: a focus group authors proposals of its own Themenfeld only. */
    @ExceptionHandler(ForeignThemenfeldException.class)
    Mono<ResponseEntity<Object>> foreignThemenfeld(ForeignThemenfeldException e, ServerWebExchange exchange) {
        return problems.handleException(new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage()), exchange);
    }

    /** 412: the If-Match named an older version than the current one. */
    @ExceptionHandler(StaleVersionException.class)
    Mono<ResponseEntity<Object>> staleVersion(StaleVersionException e, ServerWebExchange exchange) {
        return problems.handleException(new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, e.getMessage()),
                exchange);
    }
}
