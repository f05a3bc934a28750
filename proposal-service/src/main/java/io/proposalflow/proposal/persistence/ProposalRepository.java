package io.proposalflow.proposal.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.proposal.domain.ProposalFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@link ProposalDocument}s; every write saves state and outbox together. */
@Repository
public class ProposalRepository {

    private final ReactiveMongoOperations mongo;

    public ProposalRepository(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    public Mono<ProposalDocument> findById(String id) {
        return mongo.findById(id, ProposalDocument.class);
    }

    /**
     * Insert for a new document, otherwise one update guarded by the document's version, which also
     * removes the fields of the state that became null (the platform's AggregateMongoTemplate).
     */
    public Mono<ProposalDocument> save(ProposalDocument document) {
        return mongo.save(document);
    }

    /** What {@link io.proposalflow.events.ProposalReference} gives: the first 8 hex digits of the id. */
    private static final Pattern REFERENCE = Pattern.compile("PV-([0-9A-F]{8})", Pattern.CASE_INSENSITIVE);

    static Query toQuery(ProposalFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.themenfeld() != null) {
            all.add(Criteria.where("content.themenfeld").is(filter.themenfeld()));
        }
        String programme = filter.fundingProgramme();
        if (programme != null && !programme.isBlank()) {
            all.add(Criteria.where("content.fundingProgramme").is(programme));
        }
        String text = filter.text();
        if (text != null && !text.isBlank()) {
            // quoted, so a user's text never becomes a regular expression
            Pattern pattern = Pattern.compile(Pattern.quote(text.trim()), Pattern.CASE_INSENSITIVE);
            List<Criteria> any = new ArrayList<>(List.of(Criteria.where("content.title").regex(pattern),
                    Criteria.where("content.summary").regex(pattern)));
            Matcher reference = REFERENCE.matcher(text.trim());
            if (reference.matches()) {
                // ids are stored as lower-case UUID strings; an anchored prefix can use the _id index
                any.add(Criteria.where("_id").regex("^" + reference.group(1).toLowerCase(Locale.ROOT)));
            }
            all.add(new Criteria().orOperator(any));
        }
        if (filter.changedSince() != null) {
            all.add(Criteria.where("updatedAt").gte(filter.changedSince()));
        }
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }

    /**
     * Newest first; but oldest change first for {@code changedSince}, so a system that polls can page
     * through the changes in order and ask next time from the last {@code updatedAt} it saw.
     */
    static Sort order(ProposalFilter filter) {
        return filter.changedSince() != null
                ? Sort.by(Sort.Direction.ASC, "updatedAt").and(Sort.by("_id"))
                : Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));
    }

    /** Newest first. */
    public Flux<ProposalDocument> find(ProposalFilter filter, PageQuery page) {
        return mongo.find(toQuery(filter)
                .with(order(filter))
                .skip(page.offset())
                .limit(page.size()), ProposalDocument.class);
    }

    public Mono<Long> count(ProposalFilter filter) {
        return mongo.count(toQuery(filter), ProposalDocument.class);
    }

    /** Proposals created at or after {@code from} and before {@code until}; either null for no bound. */
    public Flux<ProposalDocument> findCreated(Instant from, Instant until) {
        Query query = new Query();
        if (from != null || until != null) {
            Criteria created = Criteria.where("createdAt");
            if (from != null) {
                created = created.gte(from);
            }
            if (until != null) {
                created = created.lt(until);
            }
            query.addCriteria(created);
        }
        return mongo.find(query, ProposalDocument.class);
    }

    public Mono<Long> countInStatus(ProposalStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), ProposalDocument.class);
    }
}
