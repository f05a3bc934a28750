package io.proposalflow.portal.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.portal.security.PortalUser;
import reactor.core.publisher.Mono;

/** What every page's layout needs: the CSRF token for its forms, who is signed in, where we are. */
@ControllerAdvice
public class ModelAdvice {

    /**
     * The token every form sends back. Spring Security keeps it as a deferred Mono in the exchange;
     * resolving it here also puts it where Spring Security's RequestDataValueProcessor finds it, which
     * then adds the hidden {@code _csrf} field to every form with a {@code th:action}.
     */
    @ModelAttribute("_csrf")
    public Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /**
     * A fresh Idempotency-Key for the forms of this page that create or decide: sent twice (a double
     * click, a reload of the answer), such a form takes effect once.
     */
    @ModelAttribute("idempotencyKey")
    public String idempotencyKey() {
        return java.util.UUID.randomUUID().toString();
    }

    @ModelAttribute("currentUser")
    public PortalUser currentUser(@AuthenticationPrincipal PortalUser user) {
        return user;
    }

    /** The page itself, so the language switch returns to it. */
    @ModelAttribute("currentPath")
    public String currentPath(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        return exchange.getRequest().getPath().value() + (query == null ? "" : "?" + query);
    }
}
