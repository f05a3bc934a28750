package io.proposalflow.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.proposalflow.notification.domain.DeliveryPolicy;

/**
 * Settings of this service (prefix {@code notification}); defaults in application.yml.
 *
 * @param from      sender address of every mail
 * @param replyTo   where replies to a mail go: the programme's coordination, not the robot that sent it
 * @param portalUrl the address people open the portal at; mails link to the proposal or review there
 * @param demoData  seed the demo directory when it is empty
 * @param delivery persisted retries of the dispatcher
 */
@ConfigurationProperties("notification")
public record NotificationProperties(String from, String replyTo, String portalUrl, boolean demoData,
        Delivery delivery) {

    /**
     * @param pollInterval     how often the dispatcher looks for due notifications
     * @param lease            how long a dispatcher owns a claimed notification
     * @param maxAttempts      failed attempts after which a notification is FAILED
     * @param initialBackoff   wait after the first failed attempt, multiplied for each further one
     * @param breakerOpenDelay how long a notification waits when the circuit breaker refused it
     */
    /**
     * @param senders mails sent at the same time, each over its own SMTP connection
     */
    public record Delivery(Duration pollInterval, Duration lease, int maxAttempts, Duration initialBackoff,
            double multiplier, Duration maxBackoff, Duration breakerOpenDelay, int senders) {

        public Delivery {
            if (senders < 1) {
                throw new IllegalArgumentException("notification.delivery.senders must be at least 1, was " + senders);
            }
        }

        public DeliveryPolicy policy() {
            return new DeliveryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff);
        }
    }
}
