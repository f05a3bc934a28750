package io.proposalflow.notification.messaging.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends over one SMTP connection kept open between mails, instead of a new connection (TCP, EHLO,
 * perhaps TLS and AUTH, QUIT) for every mail as {@code JavaMailSender.send} does: after a step of
 * a proposal a dozen mails leave at once, and connecting took most of each one's time. The
 * connection is closed after {@code idleTimeout} without mail (servers drop idle clients anyway)
 * and whenever sending on it fails, so the next mail connects afresh. One sender uses a connection at
 * a time, but the idle check runs on another thread, so access is synchronized.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSender sender;
    private final Duration idleTimeout;
    private final Clock clock;
    private Transport transport;
    private String connectedTo;
    private Instant lastUsed = Instant.EPOCH;

    SmtpConnection(JavaMailSender sender, Duration idleTimeout, Clock clock) {
        this.sender = sender;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * Sends one mail. A connection that had been open a while may have been dropped by the server
     * without our noticing: one failure on such a reused connection is retried at once on a new one.
     */
    synchronized void send(MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        boolean reused = isOpenTo(impl);
        try {
            sendOn(impl, message);
        } catch (MessagingException first) {
            closeQuietly();
            if (!reused) {
                throw new MailSendException("sending failed: " + first.getMessage(), first);
            }
            try {
                sendOn(impl, message);
            } catch (MessagingException second) {
                closeQuietly();
                throw new MailSendException("sending failed: " + second.getMessage(), second);
            }
        }
    }

    private void sendOn(JavaMailSenderImpl impl, MimeMessage message) throws MessagingException {
        if (!isOpenTo(impl)) {
            closeQuietly();
            Transport fresh = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            fresh.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            transport = fresh;
            connectedTo = target(impl);
        }
        if (message.getSentDate() == null) {
            message.setSentDate(new Date(clock.millis()));
        }
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
        lastUsed = clock.instant();
    }

    /** Open, and to the server configured now (tests and operators may point the sender elsewhere). */
    private boolean isOpenTo(JavaMailSenderImpl impl) {
        return transport != null && transport.isConnected() && Objects.equals(connectedTo, target(impl));
    }

    private static String target(JavaMailSenderImpl impl) {
        return impl.getHost() + ":" + impl.getPort() + ":" + impl.getUsername();
    }

    /** Closes the connection if no mail went over it for the idle timeout; called periodically. */
    synchronized void closeIfIdle() {
        if (transport != null && clock.instant().isAfter(lastUsed.plus(idleTimeout))) {
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection: {}", e.toString());
            }
            transport = null;
            connectedTo = null;
        }
    }
}
