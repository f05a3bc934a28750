package io.proposalflow.notification.domain;

import static io.proposalflow.notification.domain.Audience.FOCUS_GROUP;
import static io.proposalflow.notification.domain.Audience.PARTNERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.Themenfeld;

class RecipientRulesTest {

    private static List<Audience> audiences(EventType type) {
        return RecipientRules.audiencesFor(EventSamples.sample(type));
    }

    @Test
    void submittedProposalGoesToPartnersAndFocusGroup() {
        assertThat(audiences(EventType.PROPOSAL_SUBMITTED)).containsExactlyInAnyOrder(PARTNERS, FOCUS_GROUP);
        assertThat(audiences(EventType.PROPOSAL_RESUBMITTED)).containsExactlyInAnyOrder(PARTNERS, FOCUS_GROUP);
    }

    @Test
    void assignedReviewersAreToldTheyHaveAReview() {
        assertThat(audiences(EventType.REVIEWERS_ASSIGNED)).containsExactly(Audience.reviewers(
                List.of(EventSamples.REVIEWER_HEALTH, EventSamples.REVIEWER_VOLUNTEERING)));
    }

    @Test
    void reminderAndOverdueGoOnlyToThatReviewer() {
        Audience thatReviewer = Audience.reviewers(List.of(EventSamples.REVIEWER_VOLUNTEERING));
        assertThat(audiences(EventType.REVIEW_REMINDER_DUE)).containsExactly(thatReviewer);
        assertThat(audiences(EventType.REVIEW_OVERDUE)).containsExactly(thatReviewer);
    }

    @Test
    void completedReviewGoesToFocusGroupAndPartnersButNotToReviewers() {
        assertThat(audiences(EventType.REVIEW_COMPLETED)).containsExactlyInAnyOrder(FOCUS_GROUP, PARTNERS);
    }

    @Test
    void statusChangeGoesToFocusGroupAndPartners() {
        assertThat(audiences(EventType.PROPOSAL_STATUS_CHANGED)).containsExactlyInAnyOrder(FOCUS_GROUP, PARTNERS);
    }

    @Test
    void statusChangesThatHaveTheirOwnEventDoNotMailTwice() {
        assertThat(RecipientRules.audiencesFor(statusChange(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED))).isEmpty();
        assertThat(RecipientRules.audiencesFor(statusChange(ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN)))
                .isEmpty();
    }

    @Test
    void fundingApplicationUpdateGoesToPartnersAndFocusGroup() {
        assertThat(audiences(EventType.FUNDING_APPLICATION_UPDATED)).containsExactlyInAnyOrder(PARTNERS, FOCUS_GROUP);
    }

    @Test
    void withdrawnProposalGoesOnlyToPartners() {
        assertThat(audiences(EventType.PROPOSAL_WITHDRAWN)).containsExactly(PARTNERS);
    }

    @Test
    void draftsSingleDecisionsAndOwnNotificationEventsMailNobody() {
        assertThat(audiences(EventType.PROPOSAL_DRAFTED)).isEmpty();
        assertThat(audiences(EventType.REVIEW_DECISION_RECORDED)).isEmpty();
        assertThat(audiences(EventType.REVIEW_OPENED)).isEmpty();
        assertThat(audiences(EventType.NOTIFICATION_SENT)).isEmpty();
        assertThat(audiences(EventType.NOTIFICATION_FAILED)).isEmpty();
    }

    private static ProposalStatusChanged statusChange(ProposalStatus from, ProposalStatus to) {
        return new ProposalStatusChanged(EventSamples.AKTIF_PROPOSAL_ID, 3, Themenfeld.LOCAL_LIVING,
                EventSamples.AKTIF_TITLE, from, to, null);
    }
}
