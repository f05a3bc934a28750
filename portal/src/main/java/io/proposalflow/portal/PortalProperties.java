package io.proposalflow.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the three services are and how long the portal waits for them.
 *
 * @param proposalService     base URL of proposal-service
 * @param reviewService       base URL of review-service
 * @param notificationService base URL of notification-service
 * @param connectTimeout      how long to wait for a connection
 * @param responseTimeout     how long to wait for an answer; a page should never hang on one slow service
 * @param feedbackAddress     where people send feedback on accessibility (shown in the statement)
 */
@ConfigurationProperties("portal")
public record PortalProperties(String proposalService, String reviewService, String notificationService,
        Duration connectTimeout, Duration responseTimeout, String feedbackAddress) {
}
