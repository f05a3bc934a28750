package io.proposalflow.review.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.proposalflow.events.ProposalContent;

/**
 * Chooses the reviewers of a new case from the Themenfeld's panel: only reviewers free of a
 * conflict of interest, those with the fewest pending reviews (assigned to an open case, not decided
 * yet) first (so work spreads evenly), ties
 * broken by reviewer id (so the choice is reproducible, e.g. when an event is redelivered).
 * Either the full number of reviewers is found or none is chosen: a half-staffed case would
 * complete on fewer opinions than the programme asks for, so it waits for a coordinator instead.
 *
 * @param reviewersPerCase how many reviewers judge each case (default 2)
 */
public record AssignmentPolicy(int reviewersPerCase) {

    public static final int DEFAULT_REVIEWERS_PER_CASE = 2;

    public AssignmentPolicy {
        if (reviewersPerCase < 1) {
            throw new IllegalArgumentException("reviewersPerCase must be at least 1");
        }
    }

    /** Panel members who may judge the proposal. */
    public List<Reviewer> eligible(ReviewPanel panel, ProposalContent proposal) {
        return panel.reviewers().stream().filter(r -> r.conflictWith(proposal).isEmpty()).toList();
    }

    /**
     * @param openCases number of open cases per reviewer id (reviewers not in the map have none)
     * @return the chosen reviewers, or empty if fewer than {@link #reviewersPerCase} are eligible
     */
    public Optional<List<Reviewer>> choose(ReviewPanel panel, ProposalContent proposal, Map<String, Integer> openCases) {
        List<Reviewer> eligible = eligible(panel, proposal);
        if (eligible.size() < reviewersPerCase) {
            return Optional.empty();
        }
        return Optional.of(eligible.stream().sorted(leastBusyFirst(openCases)).limit(reviewersPerCase).toList());
    }

    /**
     * The next reviewer to reserve for a case, for choosing one at a time while each choice is
     * reserved atomically (so cases opened at the same moment see each other's reservations):
     * the least busy eligible reviewer not chosen yet, ties by id. Empty once the case has its
     * {@link #reviewersPerCase} or when fewer are eligible than it needs (nobody is then chosen).
     *
     * @param load        current reservations per reviewer id (reviewers not in the map have none)
     * @param chosenSoFar ids already reserved for this case
     */
    public Optional<Reviewer> nextChoice(ReviewPanel panel, ProposalContent proposal, Map<String, Integer> load,
            List<String> chosenSoFar) {
        List<Reviewer> eligible = eligible(panel, proposal);
        if (eligible.size() < reviewersPerCase || chosenSoFar.size() >= reviewersPerCase) {
            return Optional.empty();
        }
        return eligible.stream().filter(r -> !chosenSoFar.contains(r.id())).min(leastBusyFirst(load));
    }

    private static Comparator<Reviewer> leastBusyFirst(Map<String, Integer> load) {
        return Comparator.<Reviewer>comparingInt(r -> load.getOrDefault(r.id(), 0)).thenComparing(Reviewer::id);
    }
}
