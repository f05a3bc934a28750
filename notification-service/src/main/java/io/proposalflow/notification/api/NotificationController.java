package io.proposalflow.notification.api;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.web.idempotency.Idempotent;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.application.NotificationDispatcher;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationFilter;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.platform.errors.ConflictException;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The delivery log: what was sent to whom, what failed, and resending what failed. */
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Notifications", description = "Delivery log of the notification mails")
public class NotificationController {

    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;

    public NotificationController(NotificationStore store, NotificationDispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @GetMapping
    @Operation(operationId = "listNotifications",
            summary = "List notifications, newest first, by proposal, recipient organisation and status")
    public Mono<PageResponse<NotificationResponse>> list(
            @RequestParam(required = false) @Parameter(description = "only mails about this proposal (its id)")
            String proposalId,
            @RequestParam(required = false) @Parameter(description = "only mails to this partner organisation (its id)")
            String organisationId,
            @RequestParam(required = false) @Parameter(description = "only mails in this status")
            NotificationStatus status,
            @Valid @ParameterObject @ModelAttribute PageQuery page) {
        NotificationFilter filter = new NotificationFilter(proposalId, organisationId, status);
        return store.find(filter, page).map(NotificationResponse::of).collectList()
                .zipWith(store.count(filter))
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getNotification", summary = "One notification with all its delivery attempts")
    public Mono<NotificationResponse> get(@PathVariable String id) {
        return found(id).map(NotificationResponse::of);
    }

    @PostMapping("/{id}/resend")
    @Idempotent
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponses(409)
    @Operation(operationId = "resendNotification", summary = "Send a FAILED notification again",
            description = "409 unless the notification is FAILED")
    public Mono<NotificationResponse> resend(@PathVariable String id) {
        return found(id)
                .flatMap(n -> {
                    if (io.proposalflow.notification.domain.PersonalData.ERASED.equals(n.getEmail())) {
                        return Mono.error(new ConflictException("the recipient of this notification was erased",
                                Map.of("currentStatus", n.getStatus().name())));
                    }
                    if (n.getStatus() != NotificationStatus.FAILED) {
                        return Mono.error(new ConflictException("only a FAILED notification can be resent",
                                Map.of("currentStatus", n.getStatus().name())));
                    }
                    n.resend(Instant.now());
                    return store.save(n);
                })
                .doOnSuccess(saved -> dispatcher.nudge())
                .map(NotificationResponse::of);
    }

    private Mono<NotificationDocument> found(String id) {
        return store.findById(id).switchIfEmpty(Mono.error(NotFoundException.of("notification", id)));
    }
}
