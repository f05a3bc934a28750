package io.proposalflow.review.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.Scores;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.persistence.IdempotentUpdater.Result;
import io.proposalflow.review.domain.AssignmentPolicy;
import io.proposalflow.review.domain.QuorumPolicy;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewDeadlines;
import io.proposalflow.review.domain.ReviewPanel;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.review.persistence.ReviewCaseStore;
import io.proposalflow.review.persistence.ReviewPanelStore;
import io.proposalflow.review.persistence.ReviewerLoadStore;
import io.proposalflow.review.persistence.WithdrawalStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The use cases of review cases: the messaging and HTTP edges call these, these call the domain. */
@Service
public class ReviewCaseService {

    private static final Logger log = LoggerFactory.getLogger(ReviewCaseService.class);

    /**
     * Compare-and-set reservations that may fail (each failure means another case just took a
     * reviewer) before one case stops comparing and reserves its choice outright.
     */
    private static final int RESERVATION_ATTEMPTS = 50;

    private final ReviewCaseStore cases;
    private final ReviewerLoadStore loads;
    private final ReviewPanelStore panels;
    private final WithdrawalStore withdrawals;
    private final IdempotentUpdater updater;
    private final EventCodec codec;
    private final AssignmentPolicy assignmentPolicy;
    private final QuorumPolicy quorumPolicy;
    private final ReviewDeadlines deadlines;
    private final Clock clock;
    private final ReviewMetrics metrics;

    public ReviewCaseService(ReviewCaseStore cases, ReviewerLoadStore loads, ReviewPanelStore panels,
            WithdrawalStore withdrawals, IdempotentUpdater updater,
            EventCodec codec, AssignmentPolicy assignmentPolicy, QuorumPolicy quorumPolicy, ReviewDeadlines deadlines,
            Clock clock, ReviewMetrics metrics) {
        this.cases = cases;
        this.loads = loads;
        this.panels = panels;
        this.withdrawals = withdrawals;
        this.updater = updater;
        this.codec = codec;
        this.assignmentPolicy = assignmentPolicy;
        this.quorumPolicy = quorumPolicy;
        this.deadlines = deadlines;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Opens the case of a proposal's review round and assigns reviewers, in one insert whose id is
     * derived from proposal and round: a redelivered or duplicated submission event is a DUPLICATE.
     * A submission older than a withdrawal already seen opens nothing.
     *
     * @param proposalVersion the proposal's version in the submission event
     */
    public Mono<Result> open(UUID proposalId, long proposalVersion, int round, ProposalContent content,
            String eventId) {
        return withdrawals.withdrawnAfter(proposalId, proposalVersion)
                .flatMap(withdrawn -> withdrawn
                        // the proposal was withdrawn after this submission: there is nothing to review
                        ? Mono.just(Result.DUPLICATE)
                        : openUnlessExists(proposalId, round, content, eventId));
    }

    private Mono<Result> openUnlessExists(UUID proposalId, int round, ProposalContent content, String eventId) {
        UUID caseId = ReviewCase.idFor(proposalId, round);
        return cases.find(caseId)
                // a redelivery after a crash between saving the case and reserving its reviewers completes that
                .flatMap(existing -> syncLoad(existing.toDomain()).thenReturn(Result.DUPLICATE))
                .switchIfEmpty(Mono.defer(() -> panels.panel(content.themenfeld())
                        .flatMap(panel -> reserveReviewers(caseId, panel, content))
                        .flatMap(chosen -> {
                            Instant now = clock.instant();
                            ReviewCase reviewCase = ReviewCase.open(proposalId, round, content, now, deadlines);
                            reviewCase.assignChosen(chosen, assignmentPolicy, now);
                            // the unique id makes a concurrent duplicate insert fail: at most one case per round
                            return updater.createOnce(ReviewCaseDocument.of(reviewCase, codec), eventId);
                        })
                        // a duplicate (or a retry after a crash) may have reserved others than the stored
                        // case names: the stored case decides who stays reserved
                        .flatMap(result -> syncLoad(caseId).thenReturn(result))));
    }

    /**
     * Chooses the reviewers of a new case one at a time, each reserved with a compare-and-set on
     * the load it was chosen by: two cases opened at the same moment (other partition, other
     * instance) cannot both take the same least busy reviewer on the same reading; the loser reads
     * again and chooses the next. Empty if too few reviewers are eligible.
     */
    private Mono<List<Reviewer>> reserveReviewers(UUID caseId, ReviewPanel panel, ProposalContent content) {
        List<String> eligible = assignmentPolicy.eligible(panel, content).stream().map(Reviewer::id).toList();
        if (eligible.size() < assignmentPolicy.reviewersPerCase()) {
            return Mono.just(List.of());
        }
        return reserveNext(caseId, panel, content, eligible, List.of(), 0);
    }

    private Mono<List<Reviewer>> reserveNext(UUID caseId, ReviewPanel panel, ProposalContent content,
            List<String> eligible, List<Reviewer> chosen, int failures) {
        return loads.busy(eligible).flatMap(load -> {
            List<String> chosenIds = chosen.stream().map(Reviewer::id).toList();
            Optional<Reviewer> next = assignmentPolicy.nextChoice(panel, content, load, chosenIds);
            if (next.isEmpty()) {
                return Mono.just(chosen);
            }
            Reviewer reviewer = next.get();
            Mono<Boolean> reserved = failures < RESERVATION_ATTEMPTS
                    ? loads.tryReserve(reviewer.id(), load.getOrDefault(reviewer.id(), 0), caseId)
                    : loads.reserve(reviewer.id(), caseId).thenReturn(true);
            return reserved.flatMap(ok -> {
                if (!ok) {
                    return reserveNext(caseId, panel, content, eligible, chosen, failures + 1);
                }
                List<Reviewer> more = new ArrayList<>(chosen);
                more.add(reviewer);
                return reserveNext(caseId, panel, content, eligible, more, failures);
            });
        });
    }

    /**
     * Cancels every case of the proposal that is not closed yet; late or repeated withdrawals
     * change nothing. The withdrawal is remembered first, so a submission that arrives after it
     * (out of order) cannot open a case that nobody would ever cancel.
     */
    public Flux<Result> cancelAll(UUID proposalId, long proposalVersion, String reason, String eventId) {
        return withdrawals.record(proposalId, proposalVersion)
                .thenMany(cases.unclosedOfProposal(proposalId))
                .concatMap(document -> updater.applyOnce(ReviewCaseDocument.class, document.getId(), eventId,
                        stored -> {
                            ReviewCase reviewCase = stored.toDomain();
                            reviewCase.cancel(reason);
                            stored.update(reviewCase, codec);
                        })
                        .flatMap(result -> syncLoad(UUID.fromString(document.getId())).thenReturn(result)));
    }

    public Mono<ReviewCase> decide(UUID caseId, Reviewer reviewer, ReviewDecision decision, Scores scores,
            String comment) {
        return update(caseId, null,
                reviewCase -> reviewCase.decide(reviewer, decision, scores, comment, clock.instant(), quorumPolicy))
                .map(VersionedCase::reviewCase)
                // after the save succeeded, once (the change itself may run again on a version conflict)
                .doOnNext(reviewCase -> metrics.decisionRecorded(decision, reviewCase))
                .flatMap(this::syncLoad);
    }

    public Mono<ReviewCase> assignByHand(UUID caseId, List<String> reviewerIds) {
        return get(caseId).flatMap(current -> panels.panel(current.content().themenfeld()))
                .flatMap(panel -> update(caseId, null,
                        reviewCase -> reviewCase.assignByHand(panel, reviewerIds, clock.instant())))
                .map(VersionedCase::reviewCase)
                .flatMap(this::syncLoad);
    }

    /**
     * A coordinator takes a reviewer off an open case; if everyone left has decided, it completes.
     *
     * @param expectedVersion the version the coordinator read (If-Match), null for any
     */
    public Mono<VersionedCase> removeReviewer(UUID caseId, String reviewerId, Long expectedVersion) {
        return update(caseId, expectedVersion,
                        reviewCase -> reviewCase.removeReviewer(reviewerId, clock.instant(), quorumPolicy))
                .doOnNext(saved -> metrics.completedByRemoval(saved.reviewCase()))
                .flatMap(saved -> syncLoad(saved.reviewCase()).thenReturn(saved));
    }

    /** A coordinator replaces a reviewer on an open case by another panel member free of conflicts. */
    public Mono<VersionedCase> replaceReviewer(UUID caseId, String reviewerId, String replacementId,
            Long expectedVersion) {
        return get(caseId)
                .switchIfEmpty(notFound(caseId))
                .flatMap(current -> panels.panel(current.content().themenfeld()))
                .flatMap(panel -> update(caseId, expectedVersion,
                        reviewCase -> reviewCase.replaceReviewer(panel, reviewerId, replacementId, clock.instant())))
                .flatMap(saved -> syncLoad(saved.reviewCase()).thenReturn(saved));
    }

    /** The case with the version a client sends back as If-Match. */
    public Mono<VersionedCase> getVersioned(UUID caseId) {
        return cases.find(caseId).map(VersionedCase::of).switchIfEmpty(notFound(caseId));
    }

    /**
     * One page of cases, open first.
     *
     * @param reviewerId only the cases assigned to this reviewer, null for all
     * @param status     only the cases in this status, null for all
     * @param proposalId only the cases (one per review round) of this proposal, null for all
     */
    public Mono<CasePage> list(String reviewerId, ReviewStatus status, UUID proposalId, long offset, int size) {
        return cases.page(reviewerId, status, proposalId, offset, size)
                .map(page -> new CasePage(page.content(), page.total()));
    }

    /** One page of review cases and how many match in all. */
    public record CasePage(List<ReviewCase> content, long total) {
    }

    /**
     * Load, change, save; again on fresh state after a concurrent change (the domain re-checks its
     * rules on what is really stored).
     *
     * @param expectedVersion the version the client read (If-Match), null for any: a case at another
     *                        version fails with {@link VersionMismatch}, also when a concurrent
     *                        change moved it on between loading and saving
     */
    private Mono<VersionedCase> update(UUID caseId, Long expectedVersion, Consumer<ReviewCase> change) {
        return cases.update(caseId, (reviewCase, version) -> {
                    if (expectedVersion != null && !expectedVersion.equals(version)) {
                        throw new VersionMismatch(caseId, expectedVersion, version);
                    }
                    change.accept(reviewCase);
                })
                .switchIfEmpty(notFound(caseId))
                .map(VersionedCase::of);
    }

    private static <T> Mono<T> notFound(UUID caseId) {
        return Mono.error(() -> NotFoundException.of("review case", caseId));
    }

    /**
     * Makes the reviewers' load agree with every case that is open or still holds a reservation:
     * repairs what a crash between saving a case and updating the load left behind (and fills the
     * load of cases opened before it was kept). A reservation whose case does not exist is left
     * alone: it may belong to a case being opened right now.
     *
     * @return how many cases were looked at
     */
    public Mono<Long> reconcileLoad() {
        return Flux.merge(cases.openCaseIds(),
                        loads.all().flatMapIterable(Map.Entry::getValue).map(UUID::fromString))
                .distinct()
                .concatMap(caseId -> syncLoad(caseId).thenReturn(caseId))
                .count();
    }

    private Mono<Void> syncLoad(UUID caseId) {
        return cases.find(caseId).flatMap(document -> syncLoad(document.toDomain())).then();
    }

    /**
     * After a case was saved: reserve its pending reviewers, release everyone else. A failure here
     * leaves the change saved; the load is then repaired by the next {@link #reconcileLoad}.
     */
    private Mono<ReviewCase> syncLoad(ReviewCase reviewCase) {
        return loads.sync(reviewCase.id(), reviewCase.pendingReviewerIds())
                .onErrorResume(e -> {
                    log.warn("Could not update the reviewers' load for case {}, the next reconciliation will: {}",
                            reviewCase.id(), e.toString());
                    return Mono.empty();
                })
                .thenReturn(reviewCase);
    }

    public Mono<ReviewCase> get(UUID caseId) {
        return cases.find(caseId).map(ReviewCaseDocument::toDomain);
    }
}
