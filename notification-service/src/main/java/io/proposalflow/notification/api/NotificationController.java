package io.proposalflow.notification.api;

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
import io.proposalflow.notification.application.DeliveryLog;
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

    private final DeliveryLog log;

    public NotificationController(DeliveryLog log) {
        this.log = log;
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
        return log.find(proposalId, organisationId, status, page).map(NotificationResponse::of).collectList()
                .zipWith(log.count(proposalId, organisationId, status))
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getNotification", summary = "One notification with all its delivery attempts")
    public Mono<NotificationResponse> get(@PathVariable String id) {
        return log.get(id).map(NotificationResponse::of);
    }

    @PostMapping("/{id}/resend")
    @Idempotent
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponses(409)
    @Operation(operationId = "resendNotification", summary = "Send a FAILED notification again",
            description = "409 unless the notification is FAILED")
    public Mono<NotificationResponse> resend(@PathVariable String id) {
        return log.resend(id).map(NotificationResponse::of);
    }
}
