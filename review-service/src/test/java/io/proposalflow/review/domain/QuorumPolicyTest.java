package io.proposalflow.review.domain;

import static io.proposalflow.events.ReviewDecision.APPROVE;
import static io.proposalflow.events.ReviewDecision.REJECT;
import static io.proposalflow.events.ReviewDecision.REQUEST_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ReviewOutcome;

class QuorumPolicyTest {

    private final QuorumPolicy standard = QuorumPolicy.CHANGES_FIRST_THEN_MAJORITY;

    @Test
    void anyRequestForChangesWinsEvenAgainstAMajorityOfApprovals() {
        assertThat(standard.outcome(List.of(APPROVE, APPROVE, REQUEST_CHANGES)))
                .isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
        assertThat(standard.outcome(List.of(REJECT, REQUEST_CHANGES))).isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
    }

    @Test
    void aStrictMajorityOfApprovalsApproves() {
        assertThat(standard.outcome(List.of(APPROVE, APPROVE))).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(standard.outcome(List.of(APPROVE, APPROVE, REJECT))).isEqualTo(ReviewOutcome.APPROVED);
    }

    @Test
    void aTieRejects() {
        assertThat(standard.outcome(List.of(APPROVE, REJECT))).isEqualTo(ReviewOutcome.REJECTED);
    }

    @Test
    void aMajorityOfRejectionsRejects() {
        assertThat(standard.outcome(List.of(REJECT, REJECT, APPROVE))).isEqualTo(ReviewOutcome.REJECTED);
    }

    @Test
    void theUnanimousPolicyRejectsAMajorityThatIsNotUnanimous() {
        QuorumPolicy unanimous = QuorumPolicy.named("changes-first-unanimous");
        assertThat(unanimous.outcome(List.of(APPROVE, APPROVE, REJECT))).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(unanimous.outcome(List.of(APPROVE, APPROVE))).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(unanimous.outcome(List.of(APPROVE, REQUEST_CHANGES))).isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
    }

    @Test
    void policiesAreChosenByNameAndAnUnknownNameIsRefused() {
        assertThat(QuorumPolicy.named("changes-first-majority")).isSameAs(standard);
        assertThatThrownBy(() -> QuorumPolicy.named("coin-toss")).hasMessageContaining("coin-toss");
    }
}
