package io.proposalflow.review.config;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

import io.proposalflow.review.application.DeadlineWatch;
import io.proposalflow.review.application.LoadReconciliation;
import io.proposalflow.review.domain.AssignmentPolicy;
import io.proposalflow.review.domain.QuorumPolicy;
import io.proposalflow.review.domain.ReviewDeadlines;

/** Turns {@link ReviewProperties} into the domain's policies. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
@EnableScheduling
public class ReviewConfiguration {

    @Bean
    AssignmentPolicy assignmentPolicy(ReviewProperties properties) {
        return new AssignmentPolicy(properties.reviewersPerCase());
    }

    /** Fails the start with the list of known names if the configured policy does not exist. */
    @Bean
    QuorumPolicy quorumPolicy(ReviewProperties properties) {
        return QuorumPolicy.named(properties.quorumPolicy());
    }

    /** Runs the deadline watch every {@code review.deadline-check-interval}, first one interval after start. */
    @Bean
    SchedulingConfigurer deadlineSchedule(DeadlineWatch watch, ReviewProperties properties) {
        Duration interval = properties.deadlineCheckInterval();
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(watch::onSchedule, interval, interval));
    }

    /** Reconciles the reviewers' load every {@code review.load-reconcile-interval}, first a few seconds after start. */
    @Bean
    SchedulingConfigurer loadReconcileSchedule(LoadReconciliation reconciliation, ReviewProperties properties) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(reconciliation::onSchedule,
                properties.loadReconcileInterval(), Duration.ofSeconds(5)));
    }

    @Bean
    ReviewDeadlines reviewDeadlines(ReviewProperties properties) {
        return new ReviewDeadlines(properties.reviewPeriod(), properties.reminderLead());
    }
}
