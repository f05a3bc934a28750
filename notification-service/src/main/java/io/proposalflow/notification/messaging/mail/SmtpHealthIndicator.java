package io.proposalflow.notification.messaging.mail;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The mail server as this service experiences it, read from the {@code smtp} circuit breaker (no
 * SMTP connection per probe): {@code UP} while mails go through, {@value #UNAVAILABLE_CODE} while
 * the breaker is open.
 *
 * <p>{@value #UNAVAILABLE_CODE} is a status of its own, not DOWN: the overall /actuator/health
 * ignores status codes missing from its order (management.endpoint.health.status.order), so an SMTP
 * outage never turns the whole service DOWN (it keeps consuming events and serving its API; mails
 * wait in MongoDB). Only the readiness group lists the code, before UP and mapped to 503
 * (application.yml), so readiness reports the outage.
 */
@Component("smtpHealthIndicator")
public class SmtpHealthIndicator extends AbstractHealthIndicator {

    static final String UNAVAILABLE_CODE = "SMTP_UNAVAILABLE";
    static final Status UNAVAILABLE = new Status(UNAVAILABLE_CODE, "mail server refuses or cannot be reached");

    private final CircuitBreaker breaker;

    public SmtpHealthIndicator(CircuitBreakerRegistry breakers) {
        super("SMTP health check failed");
        this.breaker = breakers.circuitBreaker(GuardedMailSender.SMTP);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CircuitBreaker.State state = breaker.getState();
        boolean open = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
        builder.status(open ? UNAVAILABLE : Status.UP)
                .withDetail("circuitBreaker", state.name())
                .withDetail("failureRate", breaker.getMetrics().getFailureRate());
    }
}
