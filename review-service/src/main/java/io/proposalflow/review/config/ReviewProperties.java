package io.proposalflow.review.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the review rules (prefix {@code review}, see the README for environment variables).
 *
 * @param reviewersPerCase       how many reviewers each case gets from its panel
 * @param reviewPeriod           from opening to the due date
 * @param reminderLead           how long before the due date undecided reviewers are reminded
 * @param quorumPolicy           name of the {@link io.proposalflow.review.domain.QuorumPolicy}
 * @param deadlineCheckInterval  how often the deadline watch looks for due reminders and overdue cases
 * @param demoPanels             seed demo panels into an empty database at startup
 * @param loadReconcileInterval  how often the reviewers' load is checked against the stored cases
 */
@ConfigurationProperties("review")
public record ReviewProperties(
        Integer reviewersPerCase,
        Duration reviewPeriod,
        Duration reminderLead,
        String quorumPolicy,
        Duration deadlineCheckInterval,
        Boolean demoPanels,
        Duration loadReconcileInterval) {

    public ReviewProperties {
        reviewersPerCase = reviewersPerCase == null ? 2 : reviewersPerCase;
        reviewPeriod = reviewPeriod == null ? Duration.ofDays(14) : reviewPeriod;
        reminderLead = reminderLead == null ? Duration.ofDays(2) : reminderLead;
        quorumPolicy = quorumPolicy == null || quorumPolicy.isBlank() ? "changes-first-majority" : quorumPolicy;
        deadlineCheckInterval = deadlineCheckInterval == null ? Duration.ofSeconds(30) : deadlineCheckInterval;
        demoPanels = demoPanels == null || demoPanels;
        loadReconcileInterval = loadReconcileInterval == null ? Duration.ofMinutes(10) : loadReconcileInterval;
    }
}
