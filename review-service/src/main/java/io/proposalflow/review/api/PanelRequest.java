package io.proposalflow.review.api;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.Reviewer;

/** The complete new membership of a panel (replaces the old one). */
public record PanelRequest(@NotNull @Size(max = 100) List<@Valid @NotNull ReviewerRequest> reviewers) {

    /**
     * @param id           the reviewer's login id
     * @param focusGroup   the focus group the reviewer belongs to, if any
     * @param affiliations ids of partner organisations the reviewer is affiliated with
     */
    public record ReviewerRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String id,
            @NotBlank @Size(max = 200) String displayName,
            Themenfeld focusGroup,
            @Size(max = 50) Set<@NotBlank String> affiliations) {

        Reviewer toReviewer() {
            return new Reviewer(id, displayName, focusGroup, affiliations);
        }
    }
}
