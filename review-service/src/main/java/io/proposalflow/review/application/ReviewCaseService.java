package io.proposalflow.review.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.Scores;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.persistence.IdempotentUpdater.Result;
import io.proposalflow.review.domain.AssignmentPolicy;
import io.proposalflow.review.domain.QuorumPolicy;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewDeadlines;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.review.persistence.ReviewCaseStore;
import io.proposalflow.review.persistence.ReviewPanelStore;
import io.proposalflow.review.persistence.WithdrawalStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The use cases of review cases: the messaging and HTTP edges call these, these call the domain. */
@Service
public class ReviewCaseService {

    private final ReviewCaseStore cases;
    private final ReviewPanelStore panels;
    private final WithdrawalStore withdrawals;
    private final IdempotentUpdater updater;
    private final EventCodec codec;
    private final AssignmentPolicy assignmentPolicy;
    private final QuorumPolicy quorumPolicy;
    private final ReviewDeadlines deadlines;
    private final Clock clock;
    private final ReviewMetrics metrics;

    public ReviewCaseService(ReviewCaseStore cases, ReviewPanelStore panels, WithdrawalStore withdrawals,
            IdempotentUpdater updater,
            EventCodec codec, AssignmentPolicy assignmentPolicy, QuorumPolicy quorumPolicy, ReviewDeadlines deadlines,
            Clock clock, ReviewMetrics metrics) {
        this.cases = cases;
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
        return cases.find(ReviewCase.idFor(proposalId, round))
                .map(existing -> Result.DUPLICATE)
                .switchIfEmpty(Mono.defer(() -> Mono.zip(panels.panel(content.themenfeld()),
                                cases.openCasesPerReviewer())
                        .flatMap(panelAndLoad -> {
                            Instant now = clock.instant();
                            ReviewCase reviewCase = ReviewCase.open(proposalId, round, content, now, deadlines);
                            reviewCase.assignFromPanel(panelAndLoad.getT1(), assignmentPolicy, panelAndLoad.getT2(),
                                    now);
                            // the unique id makes a concurrent duplicate insert fail: at most one case per round
                            return updater.createOnce(ReviewCaseDocument.of(reviewCase, codec), eventId);
                        })));
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
                        }));
    }

    public Mono<ReviewCase> decide(UUID caseId, Reviewer reviewer, ReviewDecision decision, Scores scores,
            String comment) {
        return cases.update(caseId,
                reviewCase -> reviewCase.decide(reviewer, decision, scores, comment, clock.instant(), quorumPolicy))
                // after the save succeeded, once (the change itself may run again on a version conflict)
                .doOnNext(reviewCase -> metrics.decisionRecorded(decision, reviewCase));
    }

    public Mono<ReviewCase> assignByHand(UUID caseId, List<String> reviewerIds) {
        return get(caseId).flatMap(current -> panels.panel(current.content().themenfeld()))
                .flatMap(panel -> cases.update(caseId,
                        reviewCase -> reviewCase.assignByHand(panel, reviewerIds, clock.instant())));
    }

    public Mono<ReviewCase> get(UUID caseId) {
        return cases.find(caseId).map(ReviewCaseDocument::toDomain);
    }
}
