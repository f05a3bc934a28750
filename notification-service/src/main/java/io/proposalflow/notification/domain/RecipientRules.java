package io.proposalflow.notification.domain;

import java.util.List;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;

import static io.proposalflow.notification.domain.Audience.FOCUS_GROUP;
import static io.proposalflow.notification.domain.Audience.PARTNERS;

/**
 * Who hears what: the one place that decides which audiences an event is mailed to.
 *
 * <ul>
 *   <li>submitted (and resubmitted) -> partners and the focus group</li>
 *   <li>reviewers assigned -> the assigned reviewers ({@code ReviewOpened} names no reviewers: they
 *       hear of the review when they are assigned)</li>
 *   <li>reminder and overdue -> that reviewer</li>
 *   <li>review completed -> focus group and partners</li>
 *   <li>every status change -> focus group and partners, except to SUBMITTED and WITHDRAWN, whose own
 *       events already carry the mail (otherwise everybody would get two mails for one step)</li>
 *   <li>funding application updated -> partners and focus group</li>
 *   <li>withdrawn -> partners (the focus group withdrew it itself)</li>
 *   <li>everything else (drafted, single decisions, cancelled reviews) -> nobody</li>
 * </ul>
 */
public final class RecipientRules {

    private RecipientRules() {
    }

    public static List<Audience> audiencesFor(DomainEvent event) {
        if (event instanceof ProposalSubmitted || event instanceof ProposalResubmitted) {
            return List.of(PARTNERS, FOCUS_GROUP);
        }
        if (event instanceof ReviewersAssigned e) {
            return List.of(Audience.reviewers(e.reviewerIds()));
        }
        if (event instanceof ReviewReminderDue e) {
            return List.of(Audience.reviewers(List.of(e.reviewerId())));
        }
        if (event instanceof ReviewOverdue e) {
            return List.of(Audience.reviewers(List.of(e.reviewerId())));
        }
        if (event instanceof ReviewCompleted) {
            return List.of(FOCUS_GROUP, PARTNERS);
        }
        if (event instanceof ProposalStatusChanged e) {
            boolean announcedByOwnEvent = e.to() == ProposalStatus.SUBMITTED || e.to() == ProposalStatus.WITHDRAWN;
            return announcedByOwnEvent ? List.of() : List.of(FOCUS_GROUP, PARTNERS);
        }
        if (event instanceof FundingApplicationUpdated) {
            return List.of(PARTNERS, FOCUS_GROUP);
        }
        if (event instanceof ProposalWithdrawn) {
            return List.of(PARTNERS);
        }
        return List.of();
    }
}
