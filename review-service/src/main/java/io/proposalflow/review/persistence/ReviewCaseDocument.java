package io.proposalflow.review.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.persistence.AggregateDocument;
import io.proposalflow.review.domain.AssignedReviewer;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewCaseState;

/**
 * A {@link ReviewCase} in MongoDB, with its outbox. The case's state is stored as it is, its
 * {@link ReviewCaseState} unwrapped into the top level of the document (the layout of the fields
 * the document had one by one before, so stored cases keep loading; the proposal id is a string,
 * see ReviewMongoConversions). Besides the state it keeps a few derived fields that only queries
 * read, written on every save: {@code themenfeld}, {@code reviewerIds} ("my cases"), {@code open}
 * (open cases first) and {@code nextDeadlineAt} (which cases the deadline watch must look at).
 */
@Document(ReviewCaseDocument.COLLECTION)
public class ReviewCaseDocument extends AggregateDocument {

    public static final String COLLECTION = "review_cases";

    @Id
    private String id;
    @Unwrapped.Nullable
    private ReviewCaseState state;
    private Themenfeld themenfeld;
    private boolean open;
    private Instant nextDeadlineAt;
    private List<String> reviewerIds = new ArrayList<>();

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
        return ReviewCase.restore(UUID.fromString(id), state);
    }

    /** Takes the case's state and queues its new events: saving the document then writes both at once. */
    public void update(ReviewCase reviewCase, EventCodec codec) {
        state = reviewCase.state();
        themenfeld = state.content().themenfeld();
        open = !state.status().isClosed();
        nextDeadlineAt = reviewCase.nextDeadline().orElse(null);
        reviewerIds = state.reviewers().stream().map(AssignedReviewer::reviewerId).toList();
        reviewCase.pullEvents().forEach(event -> enqueue(EventEnvelope.of(event), codec));
    }

    public String getId() { return id; }
    public ReviewCaseState getState() { return state; }
    public List<String> getReviewerIds() { return reviewerIds; }
    public Instant getNextDeadlineAt() { return nextDeadlineAt; }
}
