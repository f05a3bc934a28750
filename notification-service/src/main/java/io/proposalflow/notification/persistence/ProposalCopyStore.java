package io.proposalflow.notification.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.proposalflow.notification.domain.CopyChange;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code proposals} collection: this service's copy of each proposal, changed as
 * {@link io.proposalflow.notification.domain.EventMeaning} decides. Applying a change is idempotent by
 * nature (it sets values), and events of one proposal arrive in order on their topic; a stale proposal
 * event (lower version) is ignored.
 */
@Component
public class ProposalCopyStore {

    private final ProposalRepository proposals;

    private final ReactiveMongoTemplate mongo;

    public ProposalCopyStore(ProposalRepository proposals, ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.proposals = proposals;
    }

    public Mono<ProposalDocument> find(UUID proposalId) {
        return proposals.findById(proposalId.toString());
    }

    /**
     * Applies the change to the copy of proposal {@code proposalId}. Each change is one atomic upsert
     * that sets only the fields the event knows: the proposal's events and the review's events arrive
     * on different topics, consumed by different threads, so a read-modify-save here would let a
     * review's due date and a proposal's content overwrite each other (seen under load: a
     * ReviewOpened read the missing copy, the ProposalSubmitted saved its content, then the review's
     * save put back a copy without content, and the partners were never mailed).
     */
    public Mono<Void> apply(UUID proposalId, CopyChange change) {
        String id = proposalId.toString();
        return change.accept(new CopyChange.Visitor<Mono<Void>>() {
            @Override
            public Mono<Void> on(CopyChange.Nothing nothing) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> on(CopyChange.ProposalSeen seen) {
                Update update = new Update()
                        .set("title", seen.title())
                        .set("themenfeld", seen.themenfeld())
                        .set("proposalVersion", seen.version());
                if (seen.carriesContent()) {
                    update.set("partnerIds", seen.partnerIds());
                } else {
                    update.setOnInsert("partnerIds", List.of());
                }
                return newer(id, seen.version(), update);
            }

            @Override
            public Mono<Void> on(CopyChange.ReviewDue due) {
                return mongo.upsert(Query.query(where("_id").is(id)), new Update()
                        .set("reviewDueAt", due.dueAt())
                        .setOnInsert("themenfeld", due.themenfeld())
                        .setOnInsert("partnerIds", List.of())
                        .setOnInsert("proposalVersion", -1L), ProposalDocument.class).then();
            }

            @Override
            public Mono<Void> on(CopyChange.ReviewersAdded added) {
                return mongo.upsert(Query.query(where("_id").is(id)), new Update()
                        .addToSet("reviewersByCase." + added.reviewCaseId()).each(added.reviewerIds().toArray())
                        .setOnInsert("partnerIds", List.of())
                        .setOnInsert("proposalVersion", -1L), ProposalDocument.class).then();
            }

            @Override
            public Mono<Void> on(CopyChange.ReviewerTakenOff takenOff) {
                return mongo.updateFirst(Query.query(where("_id").is(id)),
                        new Update().pull("reviewersByCase." + takenOff.reviewCaseId(), takenOff.reviewerId()),
                        ProposalDocument.class).then();
            }
        });
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
