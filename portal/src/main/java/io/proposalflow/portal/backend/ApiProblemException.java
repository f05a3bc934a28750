package io.proposalflow.portal.backend;

import java.util.List;
import java.util.Map;

/**
 * A service answered, but refused (4xx): invalid input, not found, a conflict. Not a failure of the
 * service, so it never opens a circuit breaker.
 *
 * @param fieldErrors field name to the service's message, from the problem+json {@code errors} list
 */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblemException(int status, String detail, Map<String, String> fieldErrors) {
        super(status + " " + detail);
        this.status = status;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404 || status == 403;
    }

    /** The problem+json body's fields as the platform writes them. */
    record Problem(String detail, List<FieldError> errors) {
        record FieldError(String field, String message) {
        }
    }
}
