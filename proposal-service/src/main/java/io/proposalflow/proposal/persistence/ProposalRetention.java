package io.proposalflow.proposal.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.platform.persistence.RetentionRun;
import io.proposalflow.proposal.domain.Lifecycle;
import reactor.core.publisher.Mono;

/**
 * Deletes a proposal, with its free texts (summary, goals, target groups, contact, withdrawal reason,
 * reviewers' comments, funding notes, history) and its delivery records, once it has been closed
 * (rejected, withdrawn, funded, funding denied) for longer than {@code proposal.retention.closed-proposals}
 * (issue 15, ADR 18, docs/datenschutz.md). Open proposals are never deleted. Key figures over a period
 * whose proposals are deleted count them no more.
 */
@Component
@EnableScheduling
public class ProposalRetention {

    private static final List<ProposalStatus> CLOSED = Arrays.stream(ProposalStatus.values())
            .filter(Lifecycle::isFinal).toList();

    private final ReactiveMongoOperations mongo;
    private final Duration closedProposals;
    private final Clock clock;

    public ProposalRetention(ReactiveMongoOperations mongo,
            @Value("${proposal.retention.closed-proposals:3650d}") Duration closedProposals, Clock clock) {
        this.mongo = mongo;
        this.closedProposals = closedProposals;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${proposal.retention.check-interval:1h}",
            fixedDelayString = "${proposal.retention.check-interval:1h}")
    void scheduled() {
        RetentionRun.runLogged("proposals closed longer than " + closedProposals, this::run);
    }

    /** Deletes what is due at the clock's time; the number of proposals deleted. */
    public Mono<Long> run() {
        Instant cutoff = clock.instant().minus(closedProposals);
        Query due = Query.query(where("status").in(CLOSED).and("updatedAt").lt(cutoff));
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, ProposalDocument.COLLECTION)
                .map(d -> d.get("_id").toString())
                .concatMap(id -> mongo.remove(Query.query(where("proposalId").is(id)), DeliveryDocument.class)
                        .then(mongo.remove(Query.query(where("_id").is(id).and("status").in(CLOSED)
                                .and("updatedAt").lt(cutoff)), ProposalDocument.COLLECTION))
                        .map(r -> r.getDeletedCount()))
                .reduce(0L, Long::sum);
    }
}
