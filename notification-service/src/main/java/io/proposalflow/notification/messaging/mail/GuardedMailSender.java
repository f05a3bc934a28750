package io.proposalflow.notification.messaging.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.proposalflow.notification.application.PermanentRejection;
import io.proposalflow.notification.config.NotificationProperties;

/**
 * Hands mails to the SMTP server through Resilience4j (instances named {@value #SMTP}, configured in
 * application.yml): a rate limiter so a burst of events does not flood the server, a circuit breaker
 * so an unreachable server is not hammered (its state shows in /actuator/health), and a few quick
 * retries with exponential back-off around both for short hiccups. Mails go over SMTP connections
 * kept open between them ({@link SmtpConnection}), one for each of the dispatcher's senders.
 */
@Component
public class GuardedMailSender {

    public static final String SMTP = "smtp";
    /** How long the SMTP connection stays open without mail; servers close idle clients after minutes. */
    private static final Duration SMTP_IDLE_TIMEOUT = Duration.ofSeconds(10);

    private final JavaMailSender mailSender;
    private final String from;
    private final String replyTo;
    private final String domain;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;

    /** Idle connections; a send takes one and puts it back, so no two sends share one. */
    private final BlockingQueue<SmtpConnection> connections;
    private final List<SmtpConnection> allConnections;
    private final ScheduledExecutorService idleCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smtp-idle-check");
        thread.setDaemon(true);
        return thread;
    });

    public GuardedMailSender(JavaMailSender mailSender, NotificationProperties properties,
            CircuitBreakerRegistry breakers, RetryRegistry retries, RateLimiterRegistry rateLimiters, Clock clock) {
        this.mailSender = mailSender;
        int senders = properties.delivery().senders();
        this.allConnections = IntStream.range(0, senders)
                .mapToObj(i -> new SmtpConnection(mailSender, SMTP_IDLE_TIMEOUT, clock))
                .toList();
        this.connections = new ArrayBlockingQueue<>(senders, false, allConnections);
        idleCheck.scheduleWithFixedDelay(() -> allConnections.forEach(SmtpConnection::closeIfIdle),
                1, 1, TimeUnit.SECONDS);
        this.from = properties.from();
        this.replyTo = properties.replyTo();
        this.domain = domainOf(from);
        this.circuitBreaker = breakers.circuitBreaker(SMTP);
        this.retry = retries.retry(SMTP);
        this.rateLimiter = rateLimiters.rateLimiter(SMTP);
    }

    /** False while the breaker is open: the dispatcher then leaves the notifications untouched. */
    public boolean acceptsCalls() {
        return circuitBreaker.getState() != CircuitBreaker.State.OPEN
                && circuitBreaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the breaker refuses
     * @throws org.springframework.mail.MailException when the server did not take the mail
     */
    public void send(String notificationId, String toName, String toAddress, RenderedMail mail) {
        // built outside the guards: a mail that cannot be built says nothing about the server's health
        MimeMessage message = mime(notificationId, toName, toAddress, mail);
        Runnable guarded = Retry.decorateRunnable(retry,
                CircuitBreaker.decorateRunnable(circuitBreaker,
                        RateLimiter.decorateRunnable(rateLimiter, () -> sendOnFreeConnection(message))));
        guarded.run();
    }

    private void sendOnFreeConnection(MimeMessage message) {
        SmtpConnection connection;
        try {
            connection = connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailSendException("interrupted while waiting for an SMTP connection");
        }
        try {
            connection.send(message);
        } catch (MailSendException e) {
            PermanentRejection permanent = SmtpReplies.permanentRejectionIn(e);
            throw permanent != null ? permanent : e;
        } finally {
            connections.add(connection);
        }
    }

    @PreDestroy
    void closeConnection() {
        idleCheck.shutdownNow();
        allConnections.forEach(SmtpConnection::close);
    }

    /**
     * multipart/alternative: plain text first, HTML second, as mail clients expect. The Message-ID is
     * the notification's, the same at every attempt, so a receiving system can recognise a repeat.
     *
     * @throws PermanentRejection when the address cannot be used (no attempt could ever succeed)
     */
    private MimeMessage mime(String notificationId, String toName, String toAddress, RenderedMail mail) {
        MimeMessage message = new StableIdMessage(mailSender.createMimeMessage(), "<" + notificationId + "@" + domain + ">");
        try {
            MimeMessageHelper helper = new SharedTypesHelper(message);
            helper.setFrom(from);
            if (replyTo != null && !replyTo.isBlank()) {
                helper.setReplyTo(replyTo);
            }
            InternetAddress to = new InternetAddress(toAddress, toName, "UTF-8");
            to.validate();
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (AddressException e) {
            throw new PermanentRejection("the address cannot be used: " + e.getMessage(), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("could not build the mail", e);
        }
        return message;
    }

    /**
     * A multipart helper that uses one file type map for every mail. Spring's helper builds a new one
     * for a message it did not create itself (ours keeps its Message-ID), which reads {@code mime.types}
     * through the class path each time: a quarter of this service's CPU per proposal before (docs/performance.md).
     * The map only names attachments' content types; these mails have none.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = createTypes();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }

        private static FileTypeMap createTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** Keeps the Message-ID it was given where JavaMail would make a new one at every saveChanges. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** The domain part of the sender address, for Message-IDs. */
    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "proposalflow.invalid" : address.substring(at + 1);
        } catch (AddressException e) {
            return "proposalflow.invalid";
        }
    }
}
