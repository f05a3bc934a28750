package io.proposalflow.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.BackendUnavailableException;
import io.proposalflow.portal.security.PortalAuthentication;
import io.proposalflow.portal.security.PortalUser;
import reactor.core.publisher.Mono;

/**
 * What a page shows when it cannot show what was asked: a service that cannot be reached (in plain
 * words, naming which part of the programme is affected; every other page keeps working), or
 * something that does not exist or is not the reader's to see (one answer for both, so nothing leaks).
 */
@ControllerAdvice
public class ErrorAdvice {

    private final ModelAdvice layout = new ModelAdvice();

    @ExceptionHandler(BackendUnavailableException.class)
    public Mono<String> unavailable(BackendUnavailableException e, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        model.addAttribute("unavailableKey", e.backend().unavailableMessageKey());
        return withLayout(model, exchange).thenReturn("error/unavailable");
    }

    @ExceptionHandler(ApiProblemException.class)
    public Mono<String> refused(ApiProblemException e, Model model, ServerWebExchange exchange) {
        if (e.isNotFound()) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return withLayout(model, exchange).thenReturn("error/notfound");
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(e.status()));
        return withLayout(model, exchange).thenReturn("error/refused");
    }

    /**
     * WebFlux does not run the {@code @ModelAttribute} methods for an exception handler, so the
     * layout's header (who is signed in, the sign-out form with its CSRF token) is filled in here.
     */
    private Mono<Void> withLayout(Model model, ServerWebExchange exchange) {
        model.addAttribute("currentPath", layout.currentPath(exchange));
        Mono<CsrfToken> token = layout.csrf(exchange).doOnNext(t -> model.addAttribute("_csrf", t));
        Mono<PortalUser> user = exchange.getPrincipal()
                .filter(PortalAuthentication.class::isInstance)
                .map(p -> ((PortalAuthentication) p).user())
                .doOnNext(u -> model.addAttribute("currentUser", u));
        return Mono.when(token, user);
    }
}
