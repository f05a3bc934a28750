package io.proposalflow.platform.security;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.platform.web.ProblemWriter;

import reactor.core.publisher.Mono;

/**
 * A request that Spring Security's web firewall ({@link StrictServerWebExchangeFirewall}) refuses
 * (an encoded slash, {@code %00}, {@code %25}, {@code ;}, {@code ..}, a non-printable header ...)
 * answers 400 as problem+json like every other input error, instead of the firewall's empty body.
 * The firewall's own rules stay as they are; only its answer changes. Spring Security picks this up
 * as the {@link ServerExchangeRejectedHandler} bean of the security filter chain.
 */
public class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // the firewall's message may quote what was refused; it goes to the log, not to the client
        log.debug("Rejected request: {}", rejected.getMessage());
        return ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "Rejected request",
                "The request address or a header contains characters this API does not accept, such as an "
                        + "encoded slash (%2F), an encoded percent sign (%25), a null character (%00), a semicolon "
                        + "or '..'. Use plain path segments.", null, Map.of());
    }
}
