package io.proposalflow.proposal.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.platform.persistence.AggregateDocument;
import io.proposalflow.proposal.domain.FundingApplication;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalSnapshot;
import io.proposalflow.proposal.domain.ReviewFeedback;

/**
 * A {@link Proposal} as stored: its state, its pending events (outbox) and the events it consumed,
 * in one document, so a change and its events are one atomic write.
 */
@Document(ProposalDocument.COLLECTION)
public class ProposalDocument extends AggregateDocument {

    public static final String COLLECTION = "proposals";

    @Id
    private String id;
    private ProposalContent content;
    private String contact;
    private ProposalStatus status;
    private int round;
    private FundingApplication funding;
    private List<HistoryEntry> history = new ArrayList<>();
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant firstSubmittedAt;
    private Instant decidedAt;
    private ReviewOutcome decision;
    private List<ReviewFeedback> reviewFeedback = new ArrayList<>();

    public static ProposalDocument of(Proposal proposal, EventCodec codec) {
        ProposalDocument document = new ProposalDocument();
        document.apply(proposal, codec);
        return document;
    }

    public Proposal toDomain() {
        return Proposal.restore(new ProposalSnapshot(UUID.fromString(id), getVersion(), content, contact, status,
                round, funding, history == null ? List.of() : history, createdBy, createdAt, updatedAt,
                firstSubmittedAt, decidedAt, decision, reviewFeedback));
    }

    /** Takes over the proposal's state and queues the events of its changes, to be saved together. */
    public void apply(Proposal proposal, EventCodec codec) {
        ProposalSnapshot s = proposal.snapshot();
        id = s.id().toString();
        content = s.content();
        contact = s.contact();
        status = s.status();
        round = s.round();
        funding = s.funding();
        history = new ArrayList<>(s.history());
        createdBy = s.createdBy();
        createdAt = s.createdAt();
        updatedAt = s.updatedAt();
        firstSubmittedAt = s.firstSubmittedAt();
        decidedAt = s.decidedAt();
        decision = s.decision();
        reviewFeedback = new ArrayList<>(s.reviewFeedback());
        proposal.pendingEvents().forEach(event -> enqueue(EventEnvelope.of(event), codec));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ProposalContent getContent() {
        return content;
    }

    public void setContent(ProposalContent content) {
        this.content = content;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public void setStatus(ProposalStatus status) {
        this.status = status;
    }

    public int getRound() {
        return round;
    }

    public void setRound(int round) {
        this.round = round;
    }

    public FundingApplication getFunding() {
        return funding;
    }

    public void setFunding(FundingApplication funding) {
        this.funding = funding;
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }

    public void setHistory(List<HistoryEntry> history) {
        this.history = history;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Instant getFirstSubmittedAt() {
        return firstSubmittedAt;
    }

    public void setFirstSubmittedAt(Instant firstSubmittedAt) {
        this.firstSubmittedAt = firstSubmittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }

    public ReviewOutcome getDecision() {
        return decision;
    }

    public void setDecision(ReviewOutcome decision) {
        this.decision = decision;
    }

    public List<ReviewFeedback> getReviewFeedback() {
        return reviewFeedback;
    }

    public void setReviewFeedback(List<ReviewFeedback> reviewFeedback) {
        this.reviewFeedback = reviewFeedback;
    }
}
