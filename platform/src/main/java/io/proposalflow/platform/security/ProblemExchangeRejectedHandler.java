package io.proposalflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that Spring Security's web firewall ({@link StrictServerWebExchangeFirewall}) refuses
 * (an encoded slash, {@code %00}, {@code %25}, {@code ;}, {@code ..}, a non-printable header ...)
 * answers 400 as problem+json like every other input error, instead of the firewall's empty body.
 * The firewall's own rules stay as they are; only its answer changes. Spring Security picks this up
 * as the {@link ServerExchangeRejectedHandler} bean of the security filter chain.
 */
public class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // the firewall's message may quote what was refused; it goes to the log, not to the client
        log.debug("Rejected request: {}", rejected.getMessage());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Rejected request");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", "The request address or a header contains characters this API does not accept, "
                + "such as an encoded slash (%2F), an encoded percent sign (%25), a null character (%00), "
                + "a semicolon or '..'. Use plain path segments.");
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
