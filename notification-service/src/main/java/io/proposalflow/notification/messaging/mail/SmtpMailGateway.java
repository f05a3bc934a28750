package io.proposalflow.notification.messaging.mail;

import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.proposalflow.notification.application.MailGateway;

/** Mail through SMTP: the templates render it, {@link GuardedMailSender} sends it. */
@Component
public class SmtpMailGateway implements MailGateway {

    private final MailRenderer renderer;
    private final GuardedMailSender sender;

    public SmtpMailGateway(MailRenderer renderer, GuardedMailSender sender) {
        this.renderer = renderer;
        this.sender = sender;
    }

    @Override
    public boolean acceptsMail() {
        return sender.acceptsCalls();
    }

    @Override
    public void send(OutgoingMail mail) {
        RenderedMail rendered = renderer.render(mail.facts(), mail.recipientKind(), mail.recipientName(),
                mail.language());
        try {
            sender.send(mail.notificationId(), mail.recipientName(), mail.email(), rendered);
        } catch (CallNotPermittedException e) {
            throw new NotAttempted("the circuit breaker of the mail server is open", e);
        }
    }
}
