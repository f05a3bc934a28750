package io.proposalflow.notification.domain;

import java.time.Instant;

/** One try to hand a mail to the SMTP server; the error never contains an address. */
public record Attempt(Instant at, boolean delivered, String error) {
}
