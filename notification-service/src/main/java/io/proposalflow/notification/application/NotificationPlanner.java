package io.proposalflow.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.EventMeaning.Meaning;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.NotificationIds;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.notification.persistence.ProposalCopyStore;
import io.proposalflow.notification.persistence.ProposalDocument;
import io.proposalflow.notification.persistence.RecipientDirectory;
import io.proposalflow.platform.messaging.TransientFailures.AwaitingEarlierEvent;
import io.proposalflow.platform.tracing.TraceContexts;
import reactor.core.publisher.Flux;

/**
 * Turns one consumed event into notification records, one per recipient, before the consumer returns
 * (and the offset is committed). Sending is the dispatcher's job: a crash after this step loses
 * nothing, and a redelivered event derives the same notification ids and inserts nothing new.
 */
@Component
public class NotificationPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPlanner.class);

    private final ProposalCopyStore proposals;
    private final RecipientDirectory directory;
    private final NotificationStore notifications;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public NotificationPlanner(ProposalCopyStore proposals, RecipientDirectory directory,
            NotificationStore notifications, NotificationDispatcher dispatcher, Clock clock) {
        this.proposals = proposals;
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return how many new notifications were recorded */
    public int handle(EventEnvelope envelope) {
        DomainEvent event = envelope.data();
        Meaning meaning = EventMeaning.of(event);
        proposals.apply(event.proposalId(), meaning.copy()).block();
        if (meaning.mailings().isEmpty()) {
            return 0;
        }
        ProposalSnapshot proposal = snapshot(envelope, meaning);
        if (proposal == null) {
            return 0;
        }
        // read here, on the consumer's thread, where the trace of the consumed event is current
        String traceparent = TraceContexts.currentTraceparent();
        // while this instance's dispatcher sends, each mail is created already claimed by it and handed
        // over: the insert is the claim (otherwise the dispatcher finds and claims it: a query and a write)
        Instant claimedUntil = dispatcher.takesNewMail() ? dispatcher.leaseOfNewMail() : null;
        List<NotificationDocument> created = Flux.fromIterable(meaning.mailings())
                .concatMap(mailing -> {
                    MailFacts facts = meaning.facts(mailing.kind(), proposal);
                    return directory.resolve(mailing.audience(), proposal).map(r -> {
                        NotificationDocument n = NotificationDocument.pending(NotificationIds.of(envelope.id(), r),
                                proposal.proposalId(), envelope.id(), envelope.type(), r, facts, clock.instant());
                        n.setTraceparent(traceparent);
                        if (claimedUntil != null) {
                            n.claimUntil(claimedUntil);
                        }
                        return n;
                    });
                })
                // one mail per person and step, even if a person is in two audiences (ids are per recipient)
                .distinct(NotificationDocument::getId)
                .concatMap(n -> notifications.createOnce(n).filter(Boolean::booleanValue).map(inserted -> n))
                .collectList()
                .block();
        if (claimedUntil != null) {
            dispatcher.handOver(created);
        }
        LOG.debug("{} {}: {} notifications recorded", envelope.type(), envelope.id(), created.size());
        return created.size();
    }

    /**
     * What the mail needs to know about the proposal: this service's copy, which step 1 of
     * {@link #handle} has just brought up to date for proposal events. Review events carry only the
     * proposal id; if one overtook its proposal's events (they travel on different topics), waiting is
     * right: the copy arrives with the proposal's event, normally within moments, and the container
     * retries such an event every 50 to 500 ms until it has ({@link AwaitingEarlierEvent}). A proposal
     * event for a proposal never seen cannot be helped by waiting (its predecessors on the same
     * partition are gone): nobody is mailed ({@link Meaning#waitsForProposal()}).
     */
    private ProposalSnapshot snapshot(EventEnvelope envelope, Meaning meaning) {
        UUID proposalId = envelope.data().proposalId();
        ProposalDocument copy = proposals.find(proposalId).block();
        if (copy != null && copy.hasContent()) {
            return copy.snapshot(meaning.reviewCaseId());
        }
        if (meaning.waitsForProposal()) {
            throw new AwaitingEarlierEvent("proposal " + proposalId + " not known yet; waiting for its events");
        }
        LOG.warn("Proposal {} unknown; nobody is notified of its {}", proposalId, envelope.type());
        return null;
    }
}
