package io.proposalflow.proposal.domain;

import static io.proposalflow.events.ProposalStatus.APPROVED;
import static io.proposalflow.events.ProposalStatus.CHANGES_REQUESTED;
import static io.proposalflow.events.ProposalStatus.DRAFT;
import static io.proposalflow.events.ProposalStatus.FUNDED;
import static io.proposalflow.events.ProposalStatus.FUNDING_APPLIED;
import static io.proposalflow.events.ProposalStatus.FUNDING_DENIED;
import static io.proposalflow.events.ProposalStatus.IN_REVIEW;
import static io.proposalflow.events.ProposalStatus.REJECTED;
import static io.proposalflow.events.ProposalStatus.SUBMITTED;
import static io.proposalflow.events.ProposalStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.proposalflow.events.ProposalStatus;

/**
 * The proposal lifecycle (docs/architecture.md, "Proposal lifecycle"), as a table:
 *
 * <pre>
 * DRAFT -> SUBMITTED -> IN_REVIEW -> APPROVED -> FUNDING_APPLIED -> FUNDED
 *                          |    \-> REJECTED            \-> FUNDING_DENIED
 *                          \-> CHANGES_REQUESTED -> (resubmit) SUBMITTED
 * any non-final state -> WITHDRAWN
 * </pre>
 *
 * Every status move of a {@link Proposal} goes through {@link #requireMove}; the table is the only
 * place that knows which moves exist.
 */
public final class Lifecycle {

    private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT = new EnumMap<>(ProposalStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(SUBMITTED, EnumSet.of(IN_REVIEW, WITHDRAWN));
        NEXT.put(IN_REVIEW, EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN));
        NEXT.put(CHANGES_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(APPROVED, EnumSet.of(FUNDING_APPLIED, WITHDRAWN));
        NEXT.put(FUNDING_APPLIED, EnumSet.of(FUNDED, FUNDING_DENIED, WITHDRAWN));
        NEXT.put(REJECTED, EnumSet.noneOf(ProposalStatus.class));
        NEXT.put(FUNDED, EnumSet.noneOf(ProposalStatus.class));
        NEXT.put(FUNDING_DENIED, EnumSet.noneOf(ProposalStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(ProposalStatus.class));
    }

    private Lifecycle() {
    }

    public static boolean canMove(ProposalStatus from, ProposalStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** A final state has no way out: rejected, funded, funding denied, withdrawn. */
    public static boolean isFinal(ProposalStatus status) {
        return NEXT.get(status).isEmpty();
    }

    static void requireMove(ProposalStatus from, ProposalStatus to) {
        if (!canMove(from, to)) {
            // Actions are checked before moves, so this means an action and the table disagree: a bug.
            throw new IllegalStateException("the lifecycle has no move from " + from + " to " + to);
        }
    }
}
