package io.proposalflow.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer where no controller advice applies (web filters, the firewall's
 * rejection handler): the same members as {@link ProblemDetailsAdvice}'s answers.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /**
     * @param instance   the request path to name, or null to leave it out (e.g. a path the firewall refused)
     * @param properties further members, e.g. {@code errors}
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            String instance, Map<String, Object> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.putAll(properties);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory()
                .wrap(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8))));
    }
}
