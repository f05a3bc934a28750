package io.proposalflow.testsupport.shape.bad.domain;

import java.time.Instant;

import org.springframework.http.HttpStatus;

/** Knows HTTP and reads the wall clock itself: two violations. */
public record Case(String id, Instant openedAt) {

    public HttpStatus close() {
        return Instant.now().isBefore(openedAt) ? HttpStatus.CONFLICT : HttpStatus.OK;
    }
}
