package io.proposalflow.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.proposalflow.notification.config.NotificationProperties;

/**
 * Hands mails to the SMTP server through Resilience4j (instances named {@value #SMTP}, configured in
 * application.yml): a rate limiter so a burst of events does not flood the server, a circuit breaker
 * so an unreachable server is not hammered (its state shows in /actuator/health), and a few quick
 * retries with exponential back-off around both for short hiccups. Mails go over one SMTP
 * connection kept open between them ({@link SmtpConnection}).
 */
@Component
public class GuardedMailSender {

    public static final String SMTP = "smtp";
    /** How long the SMTP connection stays open without mail; servers close idle clients after minutes. */
    private static final Duration SMTP_IDLE_TIMEOUT = Duration.ofSeconds(10);

    private final JavaMailSender mailSender;
    private final String from;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;

    private final SmtpConnection connection;
    private final ScheduledExecutorService idleCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smtp-idle-check");
        thread.setDaemon(true);
        return thread;
    });

    public GuardedMailSender(JavaMailSender mailSender, NotificationProperties properties,
            CircuitBreakerRegistry breakers, RetryRegistry retries, RateLimiterRegistry rateLimiters) {
        this.mailSender = mailSender;
        this.connection = new SmtpConnection(mailSender, SMTP_IDLE_TIMEOUT, Clock.systemUTC());
        idleCheck.scheduleWithFixedDelay(connection::closeIfIdle, 1, 1, TimeUnit.SECONDS);
        this.from = properties.from();
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
    public void send(String toName, String toAddress, RenderedMail mail) {
        // built outside the guards: a mail that cannot be built says nothing about the server's health
        MimeMessage message = mime(toName, toAddress, mail);
        Runnable guarded = Retry.decorateRunnable(retry,
                CircuitBreaker.decorateRunnable(circuitBreaker,
                        RateLimiter.decorateRunnable(rateLimiter, () -> connection.send(message))));
        guarded.run();
    }

    @PreDestroy
    void closeConnection() {
        idleCheck.shutdownNow();
        connection.close();
    }

    /** multipart/alternative: plain text first, HTML second, as mail clients expect. */
    private MimeMessage mime(String toName, String toAddress, RenderedMail mail) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(toAddress, toName, "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("could not build the mail", e);
        }
        return message;
    }
}
