package io.proposalflow.proposal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.platform.security.Role;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.proposal.domain.FundingApplication;
import io.proposalflow.proposal.domain.ForeignThemenfeldException;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.KeyFigures;
import io.proposalflow.proposal.domain.NotificationSteps;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalFilter;
import io.proposalflow.proposal.domain.SmallCellSuppression;
import io.proposalflow.proposal.persistence.DeliveryDocument;
import io.proposalflow.proposal.persistence.DeliveryRepository;
import io.proposalflow.proposal.persistence.ProposalDocument;
import io.proposalflow.proposal.persistence.ProposalRepository;
import reactor.core.publisher.Mono;

/**
 * The API's use cases: load what the caller may see, let the domain decide, save state and events in one
 * write. Who may see what: a coordinator sees every proposal, a focus group only those of its own
 * Themenfeld; anything else is answered as "not found", so existence does not leak. Domain refusals
 * ({@code IllegalTransitionException}, ...) pass through unchanged; the API maps them to HTTP.
 */
@Service
public class ProposalService {

    private final ProposalRepository proposals;
    private final DeliveryRepository deliveries;
    private final EventCodec codec;
    private final SmallCellSuppression suppression;
    private final Clock clock;

    public ProposalService(ProposalRepository proposals, DeliveryRepository deliveries, EventCodec codec,
            @Value("${statistics.suppression-threshold:" + SmallCellSuppression.DEFAULT_THRESHOLD + "}") int threshold,
            Clock clock) {
        this.proposals = proposals;
        this.deliveries = deliveries;
        this.codec = codec;
        this.suppression = new SmallCellSuppression(threshold);
        this.clock = clock;
    }

    /** A new draft in the caller's own Themenfeld. */
    public Mono<Proposal> create(ProposalContent content, String contact, Caller caller) {
        return Mono.defer(() -> {
            ForeignThemenfeldException.requireOwn(caller.focusGroup(), content.themenfeld());
            Proposal draft = Proposal.draft(UUID.randomUUID(), content, blankToNull(contact), caller.id(),
                    clock.instant());
            return proposals.save(ProposalDocument.of(draft, codec)).map(ProposalDocument::toDomain);
        });
    }

    public Mono<Proposal> get(UUID id, Caller caller) {
        return visible(id, caller).map(ProposalDocument::toDomain);
    }

    public Mono<Proposal> edit(UUID id, Caller caller, Long expectedVersion, ProposalContent content,
            String contact) {
        Instant at = clock.instant();
        return change(id, caller, expectedVersion, p -> p.edit(content, blankToNull(contact), caller.id(), at));
    }

    public Mono<Proposal> submit(UUID id, Caller caller, Long expectedVersion) {
        Instant at = clock.instant();
        return change(id, caller, expectedVersion, p -> p.submit(caller.id(), at));
    }

    public Mono<Proposal> resubmit(UUID id, Caller caller, Long expectedVersion) {
        Instant at = clock.instant();
        return change(id, caller, expectedVersion, p -> p.resubmit(caller.id(), at));
    }

    public Mono<Proposal> withdraw(UUID id, Caller caller, Long expectedVersion, String reason) {
        Instant at = clock.instant();
        return change(id, caller, expectedVersion, p -> p.withdraw(reason.trim(), caller.id(), at));
    }

    public Mono<Proposal> reportFunding(UUID id, Caller caller, Long expectedVersion,
            FundingApplication application) {
        Instant at = clock.instant();
        return change(id, caller, expectedVersion, p -> p.updateFunding(application, caller.id(), at));
    }

    /**
     * The proposal's own timeline merged with one line per step for the mails reported for it, oldest
     * first.
     */
    public Mono<List<HistoryEntry>> history(UUID id, Caller caller) {
        return get(id, caller).flatMap(proposal -> deliveries.findByProposalId(id.toString())
                .map(DeliveryDocument::toDelivery)
                .collectList()
                .map(delivered -> {
                    List<HistoryEntry> all = new ArrayList<>(proposal.history());
                    all.addAll(NotificationSteps.summarise(delivered));
                    // stable: entries of the same instant keep the proposal's own order first
                    all.sort(Comparator.comparing(HistoryEntry::at));
                    return all;
                }));
    }

    public Mono<PageResponse<Proposal>> list(ProposalFilter filter, PageQuery page, Caller caller) {
        ProposalFilter visible = filter;
        if (!caller.isCoordinator()) {
            if (caller.focusGroup() == null
                    || (filter.themenfeld() != null && filter.themenfeld() != caller.focusGroup())) {
                return Mono.just(PageResponse.of(List.of(), page, 0));
            }
            visible = filter.inThemenfeld(caller.focusGroup());
        }
        return proposals.find(visible, page)
                .map(ProposalDocument::toDomain)
                .collectList()
                .zipWith(proposals.count(visible))
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    /** Key figures over proposals created in [from, to] (both optional, whole days in UTC). */
    public Mono<KeyFigures> keyFigures(LocalDate from, LocalDate to) {
        return proposals.findCreated(from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .map(document -> document.toDomain().state())
                .collectList()
                .map(all -> KeyFigures.of(from, to, all, suppression));
    }

    /**
     * Applies {@code change} to the proposal, if the caller may see it and {@code expectedVersion} (when
     * given) is still current; the save itself is guarded by the version too, so a concurrent write
     * between load and save is refused as well.
     */
    private Mono<Proposal> change(UUID id, Caller caller, Long expectedVersion, Consumer<Proposal> change) {
        return visible(id, caller).flatMap(document -> {
            if (expectedVersion != null && !expectedVersion.equals(document.getVersion())) {
                // the caller's precondition failed (412); a write racing ours between load and save is
                // caught by the versioned save and answered 409, as the caller's If-Match was current
                return Mono.error(new StaleVersionException(document.getVersion(), expectedVersion));
            }
            Proposal proposal = document.toDomain();
            change.accept(proposal);
            document.apply(proposal, codec);
            return proposals.save(document).map(ProposalDocument::toDomain);
        });
    }

    private Mono<ProposalDocument> visible(UUID id, Caller caller) {
        return proposals.findById(id.toString())
                .filter(document -> maySee(caller, document.toDomain()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("Proposal", id)));
    }

    private static boolean maySee(Caller caller, Proposal proposal) {
        if (caller.isCoordinator()) {
            return true;
        }
        return caller.has(Role.FOCUS_GROUP) && proposal.isOwnedBy(caller.focusGroup());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
