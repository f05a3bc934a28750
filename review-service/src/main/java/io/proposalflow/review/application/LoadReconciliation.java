package io.proposalflow.review.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Repairs the reviewers' load now and then (and shortly after start): every change of a case
 * updates the load right after it is saved, but a crash in between would leave a reviewer counted
 * busy for a case they no longer hold up (or not counted for one they do) until the case changes
 * again. Safe with several instances: each pass only makes the load agree with the stored cases.
 */
@Component
public class LoadReconciliation {

    private static final Logger log = LoggerFactory.getLogger(LoadReconciliation.class);

    private final ReviewCaseService reviews;

    public LoadReconciliation(ReviewCaseService reviews) {
        this.reviews = reviews;
    }

    /** Called every {@code review.load-reconcile-interval} (see ReviewConfiguration). */
    public void onSchedule() {
        try {
            Long cases = reviews.reconcileLoad().block();
            log.debug("Reconciled the reviewers' load with {} cases", cases);
        } catch (RuntimeException e) {
            // e.g. MongoDB down: the next pass tries again
            log.warn("Reconciling the reviewers' load failed, retrying at the next pass: {}", e.toString());
        }
    }
}
