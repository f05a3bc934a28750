package io.proposalflow.review.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.persistence.AggregateDocument;
import io.proposalflow.review.domain.AssignedReviewer;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewResult;
import io.proposalflow.review.domain.ReviewStatus;

/**
 * A {@link ReviewCase} in MongoDB, with its outbox. Besides the case itself it keeps a few
 * derived fields that queries need: {@code reviewerIds} ("my cases"), {@code open} (open cases
 * first) and {@code nextDeadlineAt} (which cases the deadline watch must look at).
 */
@Document(ReviewCaseDocument.COLLECTION)
public class ReviewCaseDocument extends AggregateDocument {

    public static final String COLLECTION = "review_cases";

    @Id
    private String id;
    private String proposalId;
    private int round;
    private Themenfeld themenfeld;
    private ProposalContent content;
    private ReviewStatus status;
    private boolean open;
    private Instant openedAt;
    private Instant dueAt;
    private Instant remindAt;
    private Instant nextDeadlineAt;
    private List<String> reviewerIds = new ArrayList<>();
    private List<AssignedReviewer> reviewers = new ArrayList<>();
    private ReviewResult result;
    private String cancelReason;

    public ReviewCaseDocument() {
    }

    /** A new document for a new case, with the events of its opening queued. */
    public static ReviewCaseDocument of(ReviewCase reviewCase, EventCodec codec) {
        ReviewCaseDocument document = new ReviewCaseDocument();
        document.id = reviewCase.id().toString();
        document.update(reviewCase, codec);
        return document;
    }

    public ReviewCase toDomain() {
        return ReviewCase.restore(UUID.fromString(id), UUID.fromString(proposalId), round, content, openedAt, dueAt,
                remindAt, status, reviewers, result, cancelReason);
    }

    /** Copies the case's state and queues its new events: saving the document then writes both at once. */
    public void update(ReviewCase reviewCase, EventCodec codec) {
        proposalId = reviewCase.proposalId().toString();
        round = reviewCase.round();
        themenfeld = reviewCase.content().themenfeld();
        content = reviewCase.content();
        status = reviewCase.status();
        open = !status.isClosed();
        openedAt = reviewCase.openedAt();
        dueAt = reviewCase.dueAt();
        remindAt = reviewCase.remindAt();
        nextDeadlineAt = reviewCase.nextDeadline().orElse(null);
        reviewers = new ArrayList<>(reviewCase.reviewers());
        reviewerIds = reviewers.stream().map(AssignedReviewer::reviewerId).toList();
        result = reviewCase.result().orElse(null);
        cancelReason = reviewCase.cancelReason().orElse(null);
        reviewCase.pullEvents().forEach(event -> enqueue(EventEnvelope.of(event), codec));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProposalId() { return proposalId; }
    public void setProposalId(String proposalId) { this.proposalId = proposalId; }
    public int getRound() { return round; }
    public void setRound(int round) { this.round = round; }
    public Themenfeld getThemenfeld() { return themenfeld; }
    public void setThemenfeld(Themenfeld themenfeld) { this.themenfeld = themenfeld; }
    public ProposalContent getContent() { return content; }
    public void setContent(ProposalContent content) { this.content = content; }
    public ReviewStatus getStatus() { return status; }
    public void setStatus(ReviewStatus status) { this.status = status; }
    public boolean isOpen() { return open; }
    public void setOpen(boolean open) { this.open = open; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getRemindAt() { return remindAt; }
    public void setRemindAt(Instant remindAt) { this.remindAt = remindAt; }
    public Instant getNextDeadlineAt() { return nextDeadlineAt; }
    public void setNextDeadlineAt(Instant nextDeadlineAt) { this.nextDeadlineAt = nextDeadlineAt; }
    public List<String> getReviewerIds() { return reviewerIds; }
    public void setReviewerIds(List<String> reviewerIds) { this.reviewerIds = reviewerIds; }
    public List<AssignedReviewer> getReviewers() { return reviewers; }
    public void setReviewers(List<AssignedReviewer> reviewers) { this.reviewers = reviewers; }
    public ReviewResult getResult() { return result; }
    public void setResult(ReviewResult result) { this.result = result; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
