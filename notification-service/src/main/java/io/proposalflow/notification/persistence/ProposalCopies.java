package io.proposalflow.notification.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewOpened;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code proposals} copy up to date. Applying an event is idempotent by nature (it sets
 * values), and events of one proposal arrive in order on their topic; a stale proposal event (lower
 * version) is ignored.
 */
@Component
public class ProposalCopies {

    private final ProposalRepository proposals;

    public ProposalCopies(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    public Mono<ProposalDocument> find(UUID proposalId) {
        return proposals.findById(proposalId.toString());
    }

    /** Applies what the event tells about the proposal; completes empty for events that tell nothing. */
    public Mono<ProposalDocument> apply(DomainEvent event) {
        String id = event.proposalId().toString();
        if (event instanceof ProposalSubmitted e) {
            return withContent(id, e.content(), e.version());
        }
        if (event instanceof ProposalResubmitted e) {
            return withContent(id, e.content(), e.version());
        }
        if (event instanceof ProposalStatusChanged e) {
            return proposals.findById(id)
                    .defaultIfEmpty(new ProposalDocument(id, e.title(), e.themenfeld(), List.of(), null, -1))
                    .filter(p -> p.proposalVersion() <= e.version())
                    .flatMap(p -> proposals.save(new ProposalDocument(id, e.title(), e.themenfeld(), p.partnerIds(),
                            p.reviewDueAt(), e.version())));
        }
        if (event instanceof ReviewOpened e) {
            // The review may overtake its proposal's events (another topic) and mails nobody itself,
            // so nothing would wait for it: keep its due date in a copy without content for now.
            return proposals.findById(id)
                    .defaultIfEmpty(new ProposalDocument(id, null, e.themenfeld(), List.of(), null, -1))
                    .flatMap(p -> proposals.save(new ProposalDocument(id, p.title(), p.themenfeld(),
                            p.partnerIds(), e.dueAt(), p.proposalVersion())));
        }
        return Mono.empty();
    }

    private Mono<ProposalDocument> withContent(String id, ProposalContent content, long version) {
        return proposals.findById(id)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .filter(known -> known.map(p -> p.proposalVersion() <= version).orElse(true))
                .flatMap(known -> proposals.save(new ProposalDocument(id, content.title(), content.themenfeld(),
                        content.partners().stream().map(PartnerRef::id).toList(),
                        known.map(ProposalDocument::reviewDueAt).orElse(null), version)));
    }
}
