package io.proposalflow.proposal.persistence;

import java.time.Instant;
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
import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.web.PageQuery;
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

    /** Insert for a new document, otherwise a save guarded by the document's version. */
    public Mono<ProposalDocument> save(ProposalDocument document) {
        return mongo.save(document);
    }

    /**
     * @param themenfeld null for all
     * @param text       free text matched case-insensitively in title and summary, or a short reference
     *                   ({@code PV-1A2B3C4D}) matched against the start of the id; null for all
     * @param changedSince only proposals changed at or after this instant, null for all
     */
    public record Filter(ProposalStatus status, Themenfeld themenfeld, String fundingProgramme, String text,
            Instant changedSince) {

        /** What {@link io.proposalflow.events.ProposalReference} gives: the first 8 hex digits of the id. */
        private static final Pattern REFERENCE = Pattern.compile("PV-([0-9A-F]{8})", Pattern.CASE_INSENSITIVE);

        Query toQuery() {
            List<Criteria> all = new java.util.ArrayList<>();
            if (status != null) {
                all.add(Criteria.where("status").is(status));
            }
            if (themenfeld != null) {
                all.add(Criteria.where("content.themenfeld").is(themenfeld));
            }
            if (fundingProgramme != null && !fundingProgramme.isBlank()) {
                all.add(Criteria.where("content.fundingProgramme").is(fundingProgramme));
            }
            if (text != null && !text.isBlank()) {
                // quoted, so a user's text never becomes a regular expression
                Pattern pattern = Pattern.compile(Pattern.quote(text.trim()), Pattern.CASE_INSENSITIVE);
                List<Criteria> any = new java.util.ArrayList<>(List.of(Criteria.where("content.title").regex(pattern),
                        Criteria.where("content.summary").regex(pattern)));
                Matcher reference = REFERENCE.matcher(text.trim());
                if (reference.matches()) {
                    // ids are stored as lower-case UUID strings; an anchored prefix can use the _id index
                    any.add(Criteria.where("_id").regex("^" + reference.group(1).toLowerCase(Locale.ROOT)));
                }
                all.add(new Criteria().orOperator(any));
            }
            if (changedSince != null) {
                all.add(Criteria.where("updatedAt").gte(changedSince));
            }
            return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        }

        /**
         * Newest first; but oldest change first for {@code changedSince}, so a system that polls can page
         * through the changes in order and ask next time from the last {@code updatedAt} it saw.
         */
        Sort order() {
            return changedSince != null
                    ? Sort.by(Sort.Direction.ASC, "updatedAt").and(Sort.by("_id"))
                    : Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));
        }
    }

    /** Newest first. */
    public Flux<ProposalDocument> find(Filter filter, PageQuery page) {
        return mongo.find(filter.toQuery()
                .with(filter.order())
                .skip(page.offset())
                .limit(page.size()), ProposalDocument.class);
    }

    public Mono<Long> count(Filter filter) {
        return mongo.count(filter.toQuery(), ProposalDocument.class);
    }

    public Flux<ProposalDocument> findAll(Query query) {
        return mongo.find(query, ProposalDocument.class);
    }
}
