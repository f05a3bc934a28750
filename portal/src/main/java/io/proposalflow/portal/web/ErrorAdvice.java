package io.proposalflow.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.BackendUnavailableException;

/**
 * What a page shows when it cannot show what was asked: a service that cannot be reached (in plain
 * words, naming which part of the programme is affected; every other page keeps working), or
 * something that does not exist or is not the reader's to see (one answer for both, so nothing leaks).
 */
@ControllerAdvice
public class ErrorAdvice {

    @ExceptionHandler(BackendUnavailableException.class)
    public String unavailable(BackendUnavailableException e, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        model.addAttribute("unavailableKey", e.backend().unavailableMessageKey());
        return "error/unavailable";
    }

    @ExceptionHandler(ApiProblemException.class)
    public String refused(ApiProblemException e, Model model, ServerWebExchange exchange) {
        if (e.isNotFound()) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return "error/notfound";
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(e.status()));
        model.addAttribute("status", e.status());
        return "error/refused";
    }
}
