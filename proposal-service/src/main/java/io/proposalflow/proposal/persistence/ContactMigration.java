package io.proposalflow.proposal.persistence;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.proposalflow.proposal.domain.ContactText;
import reactor.core.publisher.Mono;

/**
 * Takes e-mail addresses and phone numbers out of the {@code contact} of proposals stored before the
 * API refused them (issue 15, ADR 18). Runs at every start and finds nothing once done, so every
 * instance may run it. Each document is changed only at the version it was read at (a concurrent edit
 * wins, and is itself checked by the API), and its version goes up so clients holding the old ETag reload.
 */
@Component
public class ContactMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContactMigration.class);

    private final ReactiveMongoOperations mongo;

    public ContactMigration(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            long changed = migrate().block(Duration.ofMinutes(1));
            if (changed > 0) {
                log.info("Took e-mail addresses and phone numbers out of the contact of {} stored proposals", changed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not check stored proposals' contacts (tried again at the next start): {}", e.toString());
        }
    }

    /** Strips every stored contact that holds an address or a number; the number of proposals changed. */
    public Mono<Long> migrate() {
        Query withContact = Query.query(Criteria.where("contact").ne(null));
        withContact.fields().include("contact").include("version");
        return mongo.find(withContact, org.bson.Document.class, ProposalDocument.COLLECTION)
                .filter(d -> ContactText.problem(d.getString("contact")) != null)
                .concatMap(d -> {
                    Object version = d.get("version");
                    Update update = new Update().inc("version", 1);
                    String stripped = ContactText.strip(d.getString("contact"));
                    if (stripped == null) {
                        update.unset("contact");
                    } else {
                        update.set("contact", stripped);
                    }
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(d.get("_id")).and("version").is(version)),
                            update, ProposalDocument.COLLECTION);
                })
                .map(r -> r.getModifiedCount())
                .reduce(0L, Long::sum);
    }
}
