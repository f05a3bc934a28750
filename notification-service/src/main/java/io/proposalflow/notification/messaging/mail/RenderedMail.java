package io.proposalflow.notification.messaging.mail;

/** A mail ready to send: the same content as plain text and as HTML. */
public record RenderedMail(String subject, String text, String html) {
}
