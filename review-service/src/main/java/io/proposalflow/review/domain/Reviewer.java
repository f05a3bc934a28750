package io.proposalflow.review.domain;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.Themenfeld;

/**
 * A member of a review panel.
 *
 * @param id           the reviewer's user id (the same id they log in with)
 * @param focusGroup   the Themenfeld of the focus group the reviewer belongs to, or {@code null}
 * @param affiliations ids of the partner organisations the reviewer works for or with
 */
public record Reviewer(String id, String displayName, @Nullable Themenfeld focusGroup,
        Set<String> affiliations) {

    public Reviewer {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        // sorted, so panels read back and print the same way every time
        affiliations = affiliations == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(affiliations));
    }

    /**
     * Why this reviewer must not judge the proposal, if there is a reason: they belong to the
     * submitting focus group, or to a partner organisation the proposal names.
     */
    public Optional<ConflictOfInterest> conflictWith(ProposalContent proposal) {
        if (focusGroup != null && focusGroup == proposal.themenfeld()) {
            return Optional.of(new ConflictOfInterest.SubmittingFocusGroup(id, focusGroup));
        }
        for (PartnerRef partner : proposal.partners()) {
            if (affiliations.contains(partner.id())) {
                return Optional.of(new ConflictOfInterest.PartnerAffiliation(id, partner.id()));
            }
        }
        return Optional.empty();
    }
}
