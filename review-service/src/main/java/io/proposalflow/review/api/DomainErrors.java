package io.proposalflow.review.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.errors.InvalidInputException;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.web.ProblemDetailsAdvice;
import io.proposalflow.review.domain.InvalidInput;
import io.proposalflow.review.domain.NotAssigned;
import io.proposalflow.review.domain.ReviewConflict;
import reactor.core.publisher.Mono;

/**
 * The one place where the review rules' failures become HTTP answers: each domain exception is
 * answered as the platform's problem type of the same meaning (400 naming the field, 404, 409 with
 * the details), written by the platform's {@link ProblemDetailsAdvice} so every service answers in
 * the same shape. Ordered first, before the platform's catch-all for unexpected errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrors {

    private final ProblemDetailsAdvice problems;

    DomainErrors(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    Mono<ResponseEntity<Object>> invalidInput(InvalidInput e, ServerWebExchange exchange) {
        return problems.invalidInput(new InvalidInputException(e.field(), e.reason()), exchange);
    }

    @ExceptionHandler(NotAssigned.class)
    Mono<ResponseEntity<Object>> notAssigned(NotAssigned e, ServerWebExchange exchange) {
        return problems.notFound(new NotFoundException(e.getMessage()), exchange);
    }

    @ExceptionHandler(ReviewConflict.class)
    Mono<ResponseEntity<Object>> conflict(ReviewConflict e, ServerWebExchange exchange) {
        return problems.conflict(new ConflictException(e.getMessage(), e.details()), exchange);
    }
}
