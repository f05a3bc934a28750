package io.proposalflow.notification.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@code proposals} copy up to date. Applying an event is idempotent by nature (it sets
 * values), and events of one proposal arrive in order on their topic; a stale proposal event (lower
 * version) is ignored.
 */
@Component
public class ProposalCopies {

    private final ProposalRepository proposals;

    private final ReactiveMongoTemplate mongo;

    public ProposalCopies(ProposalRepository proposals, ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.proposals = proposals;
    }

    public Mono<ProposalDocument> find(UUID proposalId) {
        return proposals.findById(proposalId.toString());
    }

    /**
     * Applies what the event tells about the proposal. Each change is one atomic upsert that sets
     * only the fields the event knows: the proposal's events and the review's events arrive on
     * different topics, consumed by different threads, so a read-modify-save here would let a
     * review's due date and a proposal's content overwrite each other (seen under load: a
     * ReviewOpened read the missing copy, the ProposalSubmitted saved its content, then the review's
     * save put back a copy without content, and the partners were never mailed).
     */
    public Mono<Void> apply(DomainEvent event) {
        String id = event.proposalId().toString();
        if (event instanceof ProposalSubmitted e) {
            return withContent(id, e.content(), e.version());
        }
        if (event instanceof ProposalResubmitted e) {
            return withContent(id, e.content(), e.version());
        }
        if (event instanceof ProposalStatusChanged e) {
            return newer(id, e.version(), new Update()
                    .set("title", e.title())
                    .set("themenfeld", e.themenfeld())
                    .set("proposalVersion", e.version())
                    .setOnInsert("partnerIds", List.of()));
        }
        if (event instanceof ReviewOpened e) {
            // The review may overtake its proposal's events (another topic) and mails nobody itself,
            // so nothing would wait for it: keep its due date, in a copy without content for now.
            return mongo.upsert(Query.query(where("_id").is(id)), new Update()
                    .set("reviewDueAt", e.dueAt())
                    .setOnInsert("themenfeld", e.themenfeld())
                    .setOnInsert("partnerIds", List.of())
                    .setOnInsert("proposalVersion", -1L), ProposalDocument.class).then();
        }
        if (event instanceof ReviewersAssigned e) {
            // kept per case, so that a cancellation (which names nobody) reaches the case's reviewers;
            // a set, so a redelivered or manual assignment adds nobody twice
            return mongo.upsert(Query.query(where("_id").is(id)), new Update()
                    .addToSet("reviewersByCase." + e.reviewCaseId()).each(e.reviewerIds().toArray())
                    .setOnInsert("partnerIds", List.of())
                    .setOnInsert("proposalVersion", -1L), ProposalDocument.class).then();
        }
        if (event instanceof ReviewerRemoved e) {
            // taken off the case: a later cancellation of it is no longer theirs to hear of
            return mongo.updateFirst(Query.query(where("_id").is(id)),
                    new Update().pull("reviewersByCase." + e.reviewCaseId(), e.reviewerId()), ProposalDocument.class)
                    .then();
        }
        return Mono.empty();
    }

    private Mono<Void> withContent(String id, ProposalContent content, long version) {
        return newer(id, version, new Update()
                .set("title", content.title())
                .set("themenfeld", content.themenfeld())
                .set("partnerIds", content.partners().stream().map(PartnerRef::id).toList())
                .set("proposalVersion", version));
    }

    /**
     * Applies {@code update} unless the copy already reflects a later proposal event. When the copy
     * exists with a later version the upsert finds nothing and tries to insert under the same id:
     * the duplicate key is that "later version" answer, and the event is rightly ignored.
     */
    private Mono<Void> newer(String id, long version, Update update) {
        return mongo.upsert(Query.query(where("_id").is(id).and("proposalVersion").lte(version)), update,
                        ProposalDocument.class)
                .then()
                .onErrorResume(DuplicateKeyException.class, laterVersionKnown -> Mono.empty());
    }
}
