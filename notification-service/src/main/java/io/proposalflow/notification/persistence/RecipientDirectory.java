package io.proposalflow.notification.persistence;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Audience;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.domain.Recipient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns audiences into the people and addresses of the directory. */
@Component
public class RecipientDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientDirectory.class);

    private final PartnerRepository partners;
    private final FocusGroupRepository focusGroups;
    private final ReviewerRepository reviewers;

    public RecipientDirectory(PartnerRepository partners, FocusGroupRepository focusGroups,
            ReviewerRepository reviewers) {
        this.partners = partners;
        this.focusGroups = focusGroups;
        this.reviewers = reviewers;
    }

    public Flux<Recipient> resolve(Audience audience, ProposalSnapshot proposal) {
        return audience.accept(new Audience.Visitor<Flux<Recipient>>() {
            @Override
            public Flux<Recipient> on(Audience.Partners partnersOfTheProposal) {
                return Flux.fromIterable(proposal.partnerIds()).concatMap(id -> partners.findById(id)
                        .switchIfEmpty(logged("partner organisation", id))
                        .flatMapMany(partner -> Flux.fromIterable(partner.getContacts())
                                .map(c -> new Recipient(RecipientKind.PARTNER, c.id(), partner.getId(),
                                        partner.getName(), c.name(), c.email(), c.language()))));
            }

            @Override
            public Flux<Recipient> on(Audience.FocusGroup focusGroup) {
                String id = proposal.themenfeld().name();
                return focusGroups.findById(id)
                        .switchIfEmpty(logged("focus group", id))
                        .map(g -> new Recipient(RecipientKind.FOCUS_GROUP, g.id(), null, null, g.name(), g.email(),
                                g.language()))
                        .flux();
            }

            @Override
            public Flux<Recipient> on(Audience.Reviewers named) {
                return reviewers(named.reviewerIds());
            }

            @Override
            public Flux<Recipient> on(Audience.AssignedReviewers assigned) {
                return reviewers(proposal.reviewerIds());
            }
        });
    }

    private Flux<Recipient> reviewers(List<String> reviewerIds) {
        return Flux.fromIterable(reviewerIds).concatMap(id -> reviewers.findById(id)
                .switchIfEmpty(logged("reviewer", id))
                .map(r -> new Recipient(RecipientKind.REVIEWER, r.id(), null, null, r.name(), r.email(),
                        r.language())));
    }

    /** Nobody to write to is not an error of the event: the directory lacks an entry. */
    private static <T> Mono<T> logged(String what, String id) {
        return Mono.fromRunnable(
                () -> LOG.warn("No address for {} {} in the recipient directory; nobody is notified", what, id));
    }
}
