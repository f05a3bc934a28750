package io.proposalflow.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.errors.InvalidInputException;
import io.proposalflow.platform.errors.NotFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every service as RFC 9457 problem+json. Validation errors list each invalid
 * field as {@code errors: [{field, message}]} so a client can show them next to its inputs.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** One invalid input: {@code field} is a JSON path like {@code partners[0].id}. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getFieldErrors()) {
            // a value that could not even be converted (page=abc): Spring's message names Java types
            String message = error.isBindingFailure()
                    ? InputTypes.expected(ex.getFieldType(error.getField()))
                    : error.getDefaultMessage();
            errors.add(new FieldProblem(error.getField(), message));
        }
        ex.getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return handleExceptionInternal(ex, invalid(errors), headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        DataBufferLimitException tooLarge = find(ex, DataBufferLimitException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, exchange);
        }
        ProblemDetail body = ex.getBody();
        JacksonException json = find(ex, JacksonException.class);
        TypeMismatchException mismatch = find(ex, TypeMismatchException.class);
        if (json != null) {
            String field = path(json);
            if (field.isEmpty()) {
                body.setTitle("Unreadable request body");
                body.setDetail("The request body is not valid JSON" + InputTypes.where(json) + ".");
            } else {
                String message = json instanceof UnrecognizedPropertyException ? "unknown field" : InputTypes.expected(json);
                body.setTitle("Unreadable request body");
                body.setDetail("Field '" + field + "' " + message);
                body.setProperty("errors", List.of(new FieldProblem(field, message)));
            }
        } else if (mismatch != null && ex.getMethodParameter() != null) {
            // a query parameter, path segment or header of the wrong type: named, with what it must be,
            // instead of Spring's "Failed to convert value of type 'java.lang.String' to ..."
            String field = parameterName(ex.getMethodParameter());
            return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(field,
                    InputTypes.expected(mismatch.getRequiredType())))), headers, HttpStatus.BAD_REQUEST, exchange);
        }
        return handleExceptionInternal(ex, body, headers, status, exchange);
    }

    /**
     * A path segment that matched the route but converted to nothing (a UUID or an enum given as
     * {@code %20}): Spring answers this as a server error ("missing path variable"), but the
     * client sent it, so it is a 400 naming the segment and what it must be.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerErrorException(ServerErrorException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
            return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(parameterName(parameter),
                    InputTypes.expected(parameter.getNestedParameterType())))), headers, HttpStatus.BAD_REQUEST,
                    exchange);
        }
        return super.handleServerErrorException(ex, headers, status, exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
        return respond(ex, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than this API accepts.", Map.of(), exchange);
    }

    @ExceptionHandler(NotFoundException.class)
    public Mono<ResponseEntity<Object>> notFound(NotFoundException ex, ServerWebExchange exchange) {
        return respond(ex, HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), Map.of(), exchange);
    }

    @ExceptionHandler(InvalidInputException.class)
    public Mono<ResponseEntity<Object>> invalidInput(InvalidInputException ex, ServerWebExchange exchange) {
        return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(ex.field(), ex.reason()))),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(ConflictException.class)
    public Mono<ResponseEntity<Object>> conflict(ConflictException ex, ServerWebExchange exchange) {
        return respond(ex, HttpStatus.CONFLICT, "Conflict with the current state", ex.getMessage(), ex.properties(),
                exchange);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public Mono<ResponseEntity<Object>> staleVersion(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        return respond(ex, HttpStatus.CONFLICT, "Stale version",
                "The resource was changed by someone else since you read it; read it again and retry.", Map.of(),
                exchange);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    public Mono<ResponseEntity<Object>> duplicate(DuplicateKeyException ex, ServerWebExchange exchange) {
        return respond(ex, HttpStatus.CONFLICT, "Already exists", "The resource already exists.", Map.of(), exchange);
    }

    /** Anything unexpected: a 500 that names an error id to find in the log, and no internals. */
    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (ex.getClass().getName().startsWith("org.springframework.security.")) {
            // authentication and authorisation failures belong to Spring Security's own handling
            return Mono.error(ex);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex);
        return respond(ex, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred. Error id: " + errorId, Map.of("errorId", errorId), exchange);
    }

    private Mono<ResponseEntity<Object>> respond(Exception ex, HttpStatus status, String title, String detail,
            Map<String, Object> properties, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        properties.forEach(body::setProperty);
        return handleExceptionInternal(ex, body, new HttpHeaders(), status, exchange);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        body.setTitle("Invalid request");
        body.setProperty("errors", errors.stream()
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList());
        return body;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        return parameter.getParameterName();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}
