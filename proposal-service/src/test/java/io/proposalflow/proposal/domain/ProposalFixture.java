package io.proposalflow.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.assertj.core.api.ListAssert;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.ProposalStatus;

/**
 * Given/when/then for the {@link Proposal} aggregate, without any infrastructure:
 *
 * <pre>{@code
 * given(IN_REVIEW)
 *         .when(p -> p.withdraw("Träger springt ab", FOCUS_GROUP_USER, T0))
 *         .thenStatus(WITHDRAWN)
 *         .thenAnnounced(ProposalWithdrawn.class);
 * }</pre>
 *
 * The given proposal is stored and loaded again (a version, no pending events), so the "then" sees only
 * what the "when" did. A refusal is caught and checked by {@link #thenRefused}; any other "then" fails
 * on it.
 */
public final class ProposalFixture {

    private final Proposal proposal;
    private final ProposalStatus statusBefore;
    private final int historyBefore;
    private RuntimeException refusal;
    private ReviewEffect effect;

    private ProposalFixture(Proposal proposal) {
        this.proposal = proposal;
        this.statusBefore = proposal.status();
        this.historyBefore = proposal.history().size();
    }

    /** A proposal of {@link Proposals#FOCUS_GROUP_USER} in {@code status}, reached as the lifecycle allows. */
    public static ProposalFixture given(ProposalStatus status) {
        return given(Proposals.in(status));
    }

    /** {@code proposal} as stored and loaded again. */
    public static ProposalFixture given(Proposal proposal) {
        return new ProposalFixture(Proposals.saved(proposal));
    }

    /** A user's action (edit, submit, withdraw, report funding, ...). */
    public ProposalFixture when(Consumer<Proposal> action) {
        try {
            action.accept(proposal);
        } catch (RuntimeException e) {
            refusal = e;
        }
        return this;
    }

    /** An event from review-service, which the proposal applies or ignores. */
    public ProposalFixture whenReviewEvent(Function<Proposal, ReviewEffect> event) {
        effect = event.apply(proposal);
        return this;
    }

    public ProposalFixture thenStatus(ProposalStatus expected) {
        noRefusal();
        assertThat(proposal.status()).isEqualTo(expected);
        return this;
    }

    /** The events announcing the change, exactly these types in this order. */
    @SafeVarargs
    public final ProposalFixture thenAnnounced(Class<? extends DomainEvent>... types) {
        noRefusal();
        List<Class<?>> announced = proposal.pendingEvents().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(announced).containsExactly(types);
        return this;
    }

    /** The pending events, for a closer look. */
    public ListAssert<DomainEvent> thenEvents() {
        noRefusal();
        return assertThat(proposal.pendingEvents());
    }

    /** The newest line of the history. */
    public ProposalFixture thenLastHistory(Consumer<HistoryEntry> expected) {
        noRefusal();
        List<HistoryEntry> history = proposal.history();
        assertThat(history).hasSizeGreaterThan(historyBefore);
        expected.accept(history.get(history.size() - 1));
        return this;
    }

    /** Anything else about the proposal after the "when". */
    public ProposalFixture then(Consumer<Proposal> expected) {
        noRefusal();
        expected.accept(proposal);
        return this;
    }

    /** The review event was applied. */
    public ProposalFixture thenApplied() {
        assertThat(effect).isEqualTo(ReviewEffect.APPLIED);
        return this;
    }

    /** The review event was ignored and changed nothing. */
    public ProposalFixture thenIgnored() {
        assertThat(effect).isEqualTo(ReviewEffect.IGNORED);
        unchanged();
        return this;
    }

    /** The action was refused with {@code type}, and a refused action changes nothing. */
    public <E extends RuntimeException> ProposalFixture thenRefused(Class<E> type, Consumer<E> expected) {
        assertThat(refusal).as("refused").isInstanceOf(type);
        expected.accept(type.cast(refusal));
        unchanged();
        return this;
    }

    public Proposal proposal() {
        return proposal;
    }

    private void unchanged() {
        assertThat(proposal.status()).as("status").isEqualTo(statusBefore);
        assertThat(proposal.history()).as("history").hasSize(historyBefore);
        assertThat(proposal.pendingEvents()).as("events").isEmpty();
    }

    private void noRefusal() {
        if (refusal != null) {
            throw new AssertionError("refused: " + refusal, refusal);
        }
    }
}
