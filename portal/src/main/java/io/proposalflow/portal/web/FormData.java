package io.proposalflow.portal.web;

import java.util.Map;

import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The fields of a posted form. In WebFlux {@code @RequestParam} reads only the query string, so
 * handlers that take a few loose fields read the form body through here.
 */
final class FormData {

    private FormData() {
    }

    static Mono<Map<String, String>> of(ServerWebExchange exchange) {
        return exchange.getFormData().map(data -> data.toSingleValueMap());
    }

    /** The version of the proposal the form was rendered from, sent back as If-Match; -1 if missing. */
    /** The form's Idempotency-Key (a UUID the page rendered into it), or null if it has none. */
    static String idempotencyKey(Map<String, String> form) {
        return idempotencyKey(form.get("idempotencyKey"));
    }

    static String idempotencyKey(String value) {
        try {
            return value == null || value.isBlank() ? null : java.util.UUID.fromString(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static long version(Map<String, String> form) {
        try {
            return Long.parseLong(form.getOrDefault("version", "-1").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
