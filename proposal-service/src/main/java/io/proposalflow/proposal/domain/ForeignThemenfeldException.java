package io.proposalflow.proposal.domain;

import io.proposalflow.events.Themenfeld;

/**
 * A focus group tried to draft a proposal in another Themenfeld than its own: a proposal belongs to the
 * focus group of its Themenfeld, so only that group may author it. The API answers it with a 403.
 */
public class ForeignThemenfeldException extends RuntimeException {

    public ForeignThemenfeldException(Themenfeld callersFocusGroup) {
        super("A focus group drafts proposals of its own Themenfeld only"
                + (callersFocusGroup == null ? "" : " (" + callersFocusGroup + ")") + ".");
    }

    /** Refuses a draft in {@code themenfeld} by a member of {@code callersFocusGroup} (null: of none). */
    public static void requireOwn(Themenfeld callersFocusGroup, Themenfeld themenfeld) {
        if (themenfeld != callersFocusGroup) {
            throw new ForeignThemenfeldException(callersFocusGroup);
        }
    }
}
