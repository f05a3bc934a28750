package io.proposalflow.review.domain;

import java.util.List;

import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;

/**
 * Turns the decisions of all assigned reviewers into the outcome of the case. Chosen by
 * configuration ({@code review.quorum-policy}); see the README for the available policies.
 */
public interface QuorumPolicy {

    /** The configuration value that selects this policy. */
    String name();

    /** @param decisions one per assigned reviewer, never empty */
    ReviewOutcome outcome(List<ReviewDecision> decisions);

    /**
     * Default: any REQUEST_CHANGES means changes requested (a concrete, fixable objection should
     * reach the focus group rather than be outvoted); otherwise a strict majority of APPROVE
     * approves; anything else, including a tie, rejects.
     */
    QuorumPolicy CHANGES_FIRST_THEN_MAJORITY = new QuorumPolicy() {
        @Override
        public String name() {
            return "changes-first-majority";
        }

        @Override
        public ReviewOutcome outcome(List<ReviewDecision> decisions) {
            if (decisions.contains(ReviewDecision.REQUEST_CHANGES)) {
                return ReviewOutcome.CHANGES_REQUESTED;
            }
            long approvals = decisions.stream().filter(d -> d == ReviewDecision.APPROVE).count();
            return approvals * 2 > decisions.size() ? ReviewOutcome.APPROVED : ReviewOutcome.REJECTED;
        }
    };

    /**
     * Stricter alternative: any REQUEST_CHANGES means changes requested; otherwise approved only
     * if every reviewer approves, else rejected.
     */
    QuorumPolicy CHANGES_FIRST_THEN_UNANIMOUS = new QuorumPolicy() {
        @Override
        public String name() {
            return "changes-first-unanimous";
        }

        @Override
        public ReviewOutcome outcome(List<ReviewDecision> decisions) {
            if (decisions.contains(ReviewDecision.REQUEST_CHANGES)) {
                return ReviewOutcome.CHANGES_REQUESTED;
            }
            return decisions.stream().allMatch(d -> d == ReviewDecision.APPROVE)
                    ? ReviewOutcome.APPROVED : ReviewOutcome.REJECTED;
        }
    };

    List<QuorumPolicy> AVAILABLE = List.of(CHANGES_FIRST_THEN_MAJORITY, CHANGES_FIRST_THEN_UNANIMOUS);

    static QuorumPolicy named(String name) {
        return AVAILABLE.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown quorum policy '" + name + "', expected one of "
                        + AVAILABLE.stream().map(QuorumPolicy::name).toList()));
    }
}
