package io.proposalflow.proposal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import io.proposalflow.events.EventCodec;
import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.platform.security.Role;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.IllegalTransitionException;
import io.proposalflow.proposal.domain.KeyFigures;
import io.proposalflow.proposal.domain.NotificationSteps;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.SmallCellSuppression;
import io.proposalflow.proposal.domain.ThemenfeldChangeException;
import io.proposalflow.proposal.persistence.DeliveryDocument;
import io.proposalflow.proposal.persistence.DeliveryRepository;
import io.proposalflow.proposal.persistence.ProposalDocument;
import io.proposalflow.proposal.persistence.ProposalRepository;
import reactor.core.publisher.Mono;

/**
 * Runs the API's use cases: load what the caller may see, let the domain decide, save state and events
 * in one write. Who may see what: a coordinator sees every proposal, a focus group only those of its own
 * Themenfeld; anything else is answered as "not found", so existence does not leak.
 */
@Service
public class ProposalService {

    private final ProposalRepository proposals;
    private final DeliveryRepository deliveries;
    private final EventCodec codec;
    private final SmallCellSuppression suppression;

    public ProposalService(ProposalRepository proposals, DeliveryRepository deliveries, EventCodec codec,
            @Value("${statistics.suppression-threshold:" + SmallCellSuppression.DEFAULT_THRESHOLD + "}") int threshold) {
        this.proposals = proposals;
        this.deliveries = deliveries;
        this.codec = codec;
        this.suppression = new SmallCellSuppression(threshold);
    }

    public Mono<ProposalDocument> create(ProposalRequest request, Caller caller) {
        if (request.themenfeld() != caller.focusGroup()) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "A focus group drafts proposals of its own Themenfeld only"
                            + (caller.focusGroup() == null ? "" : " (" + caller.focusGroup() + ")") + "."));
        }
        Proposal draft = Proposal.draft(UUID.randomUUID(), request.toContent(), blankToNull(request.contact()),
                caller.id(), Instant.now());
        return proposals.save(ProposalDocument.of(draft, codec));
    }

    public Mono<ProposalDocument> get(UUID id, Caller caller) {
        return proposals.findById(id.toString())
                .filter(document -> maySee(caller, document))
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("Proposal", id)));
    }

    /**
     * The proposal's own timeline merged with one line per step for the mails reported for it, oldest
     * first.
     */
    public Mono<List<HistoryEntry>> history(UUID id, Caller caller) {
        return get(id, caller).flatMap(document -> deliveries.findByProposalId(id.toString())
                .map(DeliveryDocument::toDelivery)
                .collectList()
                .map(delivered -> {
                    List<HistoryEntry> all = new ArrayList<>(document.toDomain().history());
                    all.addAll(NotificationSteps.summarise(delivered));
                    // stable: entries of the same instant keep the proposal's own order first
                    all.sort(Comparator.comparing(HistoryEntry::at));
                    return all;
                }));
    }

    public Mono<PageResponse<ProposalResponse>> list(ProposalRepository.Filter filter, PageQuery page,
            Caller caller) {
        ProposalRepository.Filter visible = filter;
        if (!caller.isCoordinator()) {
            if (caller.focusGroup() == null
                    || (filter.themenfeld() != null && filter.themenfeld() != caller.focusGroup())) {
                return Mono.just(PageResponse.of(List.of(), page, 0));
            }
            visible = new ProposalRepository.Filter(filter.status(), caller.focusGroup(), filter.fundingProgramme(),
                    filter.text(), filter.changedSince());
        }
        return proposals.find(visible, page)
                .map(document -> ProposalResponse.of(document.toDomain().snapshot()))
                .collectList()
                .zipWith(proposals.count(visible))
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    /**
     * Applies {@code change} to the proposal, if the caller may see it and {@code expectedVersion} (when
     * given) is still current; the save itself is guarded by the version too, so a concurrent write
     * between load and save is refused as well.
     */
    public Mono<ProposalDocument> change(UUID id, Caller caller, Long expectedVersion, Consumer<Proposal> change) {
        return get(id, caller).flatMap(document -> {
            if (expectedVersion != null && !expectedVersion.equals(document.getVersion())) {
                // the caller's precondition failed (412); a write racing ours between load and save is
                // caught by the versioned save and answered 409, as the caller's If-Match was current
                return Mono.error(Versions.stale(document.getVersion(), expectedVersion));
            }
            Proposal proposal = document.toDomain();
            try {
                change.accept(proposal);
            } catch (IllegalTransitionException e) {
                return Mono.error(new ConflictException(e.getMessage(), Map.of(
                        "currentStatus", e.currentStatus(), "allowedActions", e.allowedActions())));
            } catch (ThemenfeldChangeException e) {
                return Mono.error(new ConflictException(e.getMessage(), Map.of("themenfeld", e.themenfeld())));
            }
            document.apply(proposal, codec);
            return proposals.save(document);
        });
    }

    /** Key figures over proposals created in [from, to] (both optional, whole days in UTC). */
    public Mono<KeyFigures> keyFigures(LocalDate from, LocalDate to) {
        Query query = new Query();
        if (from != null || to != null) {
            Criteria created = Criteria.where("createdAt");
            if (from != null) {
                created = created.gte(from.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (to != null) {
                created = created.lt(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            query.addCriteria(created);
        }
        return proposals.findAll(query)
                .map(document -> document.toDomain().snapshot())
                .collectList()
                .map(all -> KeyFigures.of(from, to, all, suppression));
    }

    static boolean maySee(Caller caller, ProposalDocument document) {
        if (caller.isCoordinator()) {
            return true;
        }
        return caller.has(Role.FOCUS_GROUP) && document.toDomain().isOwnedBy(caller.focusGroup());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
