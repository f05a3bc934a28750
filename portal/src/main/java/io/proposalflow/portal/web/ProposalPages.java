package io.proposalflow.portal.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.BackendUnavailableException;
import io.proposalflow.portal.backend.Dtos.Proposal;
import io.proposalflow.portal.backend.NotificationApi;
import io.proposalflow.portal.backend.ProposalApi;
import io.proposalflow.portal.security.PortalUser;
import reactor.core.publisher.Mono;

/**
 * The proposal pages: a focus group's own proposals (the coordination's: all), the draft form,
 * the proposal with its status, the actions allowed now, the reviewers' feedback and the timeline;
 * submit and resubmit with a confirmation step, withdraw with a reason, and the coordination's
 * funding report.
 */
@Controller
public class ProposalPages {

    /** Notices a page may show after a redirect; anything else in the query is ignored. */
    private static final Set<String> NOTICES = Set.of("created", "saved", "submitted", "resubmitted", "withdrawn",
            "funding", "conflict");

    private final ProposalApi proposals;
    private final NotificationApi notifications;
    private final Formats formats;

    public ProposalPages(ProposalApi proposals, NotificationApi notifications, Formats formats) {
        this.proposals = proposals;
        this.notifications = notifications;
        this.formats = formats;
    }

    @GetMapping("/proposals")
    public Mono<String> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String themenfeld, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String s = valid(status, ProposalStatus.class);
        String t = valid(themenfeld, Themenfeld.class);
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("themenfelder", Themenfeld.values());
        model.addAttribute("filterStatus", s == null ? "" : s);
        model.addAttribute("filterThemenfeld", t == null ? "" : t);
        model.addAttribute("filterQ", q == null ? "" : q);
        return proposals.list(s, t, q, Math.max(0, page), 20)
                .doOnNext(result -> model.addAttribute("result", result))
                .thenReturn("proposals/list");
    }

    @GetMapping("/proposals/new")
    public Mono<String> newDraft(@AuthenticationPrincipal PortalUser user, Model model) {
        return partnerChoices(null).map(choices ->
                form(model, ProposalForm.blank(user.themenfeld()), new FormErrors(), null, choices));
    }

    @PostMapping("/proposals")
    public Mono<String> create(@ModelAttribute("form") ProposalForm form, Model model, Locale locale) {
        form.fillPartnerRows();
        return partnerChoices(null).flatMap(choices -> {
            FormErrors errors = form.validate(locale, choices);
            if (errors.any()) {
                return Mono.just(form(model, form, errors, null, choices));
            }
            return proposals.create(form.toRequest(locale, choices), FormData.idempotencyKey(form.getIdempotencyKey()))
                    .map(created -> "redirect:/proposals/" + created.id() + "?notice=created")
                    .onErrorResume(e -> formFailed(e, model, form, null, choices));
        });
    }

    @GetMapping("/proposals/{id}")
    public Mono<String> show(@PathVariable UUID id, @RequestParam(required = false) String notice, Model model) {
        if (notice != null && NOTICES.contains(notice)) {
            model.addAttribute("notice", notice);
        }
        return Mono.zip(proposals.get(id), proposals.history(id))
                .doOnNext(t -> {
                    model.addAttribute("proposal", t.getT1());
                    model.addAttribute("history", t.getT2());
                })
                .thenReturn("proposals/detail");
    }

    @GetMapping("/proposals/{id}/edit")
    public Mono<String> edit(@PathVariable UUID id, Model model, Locale locale) {
        return proposals.get(id).flatMap(p -> partnerChoices(p).map(choices ->
                form(model, ProposalForm.of(p, formats, locale), new FormErrors(), p, choices)));
    }

    @PostMapping("/proposals/{id}/edit")
    public Mono<String> saveEdit(@PathVariable UUID id, @ModelAttribute("form") ProposalForm form, Model model,
            Locale locale) {
        long version = form.getVersion() == null ? -1 : form.getVersion();
        form.fillPartnerRows();
        return proposals.get(id).flatMap(current -> partnerChoices(current).flatMap(choices -> {
            FormErrors errors = form.validate(locale, choices);
            if (errors.any()) {
                return Mono.just(form(model, form, errors, current, choices));
            }
            return proposals.edit(id, version, form.toRequest(locale, choices))
                    .map(saved -> "redirect:/proposals/" + id + "?notice=saved")
                    .onErrorResume(e -> formFailed(e, model, form, current, choices));
        }));
    }

    /** Submit and resubmit: a page that says what will happen, then the button that does it. */
    @GetMapping("/proposals/{id}/{action:submit|resubmit}")
    public Mono<String> confirm(@PathVariable UUID id, @PathVariable String action, Model model) {
        return proposals.get(id).map(p -> {
            model.addAttribute("proposal", p);
            model.addAttribute("action", action);
            return "proposals/confirm";
        });
    }

    @PostMapping("/proposals/{id}/{action:submit|resubmit}")
    public Mono<String> act(@PathVariable UUID id, @PathVariable String action, ServerWebExchange exchange,
            Model model) {
        return FormData.of(exchange).flatMap(form -> proposals.act(id, FormData.version(form), action, null,
                        FormData.idempotencyKey(form)))
                .map(p -> "redirect:/proposals/" + id + "?notice=" + (action.equals("submit") ? "submitted" : "resubmitted"))
                .onErrorResume(ApiProblemException.class, e -> conflict(e, id))
                .onErrorResume(BackendUnavailableException.class, e -> proposals.get(id).map(p -> {
                    model.addAttribute("proposal", p);
                    model.addAttribute("action", action);
                    model.addAttribute("unavailableKey", e.backend().unavailableMessageKey());
                    return "proposals/confirm";
                }).onErrorResume(ignored -> Mono.error(e)));
    }

    @GetMapping("/proposals/{id}/withdraw")
    public Mono<String> withdrawForm(@PathVariable UUID id, Model model) {
        return proposals.get(id).map(p -> withdrawPage(model, p, "", new FormErrors()));
    }

    @PostMapping("/proposals/{id}/withdraw")
    public Mono<String> withdraw(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return FormData.of(exchange).flatMap(form -> withdraw(id, FormData.version(form),
                form.getOrDefault("reason", ""), FormData.idempotencyKey(form), model));
    }

    private Mono<String> withdraw(UUID id, long version, String reason, String idempotencyKey, Model model) {
        FormErrors errors = new FormErrors();
        errors.text("reason", reason, 1000, true);
        if (errors.any()) {
            return proposals.get(id).map(p -> withdrawPage(model, p, reason, errors));
        }
        return proposals.act(id, version, "withdraw", Map.of("reason", reason.trim()), idempotencyKey)
                .map(p -> "redirect:/proposals/" + id + "?notice=withdrawn")
                .onErrorResume(ApiProblemException.class, e -> conflict(e, id));
    }

    @GetMapping("/proposals/{id}/funding")
    public Mono<String> fundingForm(@PathVariable UUID id, Model model, Locale locale) {
        return proposals.get(id).map(p -> fundingPage(model, p, FundingForm.of(p, formats, locale), new FormErrors()));
    }

    @PostMapping("/proposals/{id}/funding")
    public Mono<String> reportFunding(@PathVariable UUID id, @ModelAttribute("funding") FundingForm funding,
            Model model, Locale locale) {
        long version = funding.getVersion() == null ? -1 : funding.getVersion();
        return proposals.get(id).flatMap(current -> {
            FormErrors errors = funding.validate(locale);
            if (errors.any()) {
                return Mono.just(fundingPage(model, current, funding, errors));
            }
            return proposals.reportFunding(id, version, funding.toRequest(locale))
                    .map(p -> "redirect:/proposals/" + id + "?notice=funding")
                    .onErrorResume(ApiProblemException.class, e -> {
                        if (e.status() == 400) {
                            errors.fromService(e.fieldErrors(), FundingForm.serviceFields());
                            return Mono.just(fundingPage(model, current, funding, errors));
                        }
                        return conflict(e, id);
                    })
                    .onErrorResume(BackendUnavailableException.class, e -> {
                        model.addAttribute("unavailableKey", e.backend().unavailableMessageKey());
                        return Mono.just(fundingPage(model, current, funding, errors));
                    });
        });
    }

    /** The partner directory to choose from; when it cannot be read, the form asks for id and name instead. */
    private Mono<PartnerChoices> partnerChoices(Proposal existing) {
        return notifications.organisations().map(list -> PartnerChoices.of(list, existing))
                .onErrorResume(e -> e instanceof BackendUnavailableException || e instanceof ApiProblemException,
                        e -> Mono.just(PartnerChoices.unavailable()));
    }

    private String form(Model model, ProposalForm form, FormErrors errors, Proposal existing, PartnerChoices choices) {
        model.addAttribute("partnerChoices", choices);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("themenfelder", Themenfeld.values());
        return "proposals/form";
    }

    /** The form again, values kept: with the service's field errors, or saying it cannot be reached. */
    private Mono<String> formFailed(Throwable e, Model model, ProposalForm form, Proposal existing,
            PartnerChoices choices) {
        FormErrors errors = new FormErrors();
        if (e instanceof BackendUnavailableException unavailable) {
            model.addAttribute("unavailableKey", unavailable.backend().unavailableMessageKey());
        } else if (e instanceof ApiProblemException problem && problem.status() == 400) {
            errors.fromService(problem.fieldErrors(), ProposalForm.serviceFields());
        } else if (e instanceof ApiProblemException problem && problem.status() == 403 && existing == null) {
            // proposal-service: a focus group drafts in its own Themenfeld only
            errors.reject("themenfeld", "error.themenfeld.notYours");
        } else if (e instanceof ApiProblemException problem && (problem.status() == 409 || problem.status() == 412)) {
            errors.reject("form", "error.conflict");
        } else {
            return Mono.error(e);
        }
        return Mono.just(form(model, form, errors, existing, choices));
    }

    private String withdrawPage(Model model, Proposal p, String reason, FormErrors errors) {
        model.addAttribute("proposal", p);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "proposals/withdraw";
    }

    private String fundingPage(Model model, Proposal p, FundingForm funding, FormErrors errors) {
        model.addAttribute("proposal", p);
        model.addAttribute("funding", funding);
        model.addAttribute("errors", errors);
        model.addAttribute("stages", FundingStage.values());
        return "proposals/funding";
    }

    /** The proposal changed meanwhile (another tab, another member, a review): show it as it is now. */
    private static Mono<String> conflict(ApiProblemException e, UUID id) {
        if (e.status() == 409 || e.status() == 412) {
            return Mono.just("redirect:/proposals/" + id + "?notice=conflict");
        }
        return Mono.error(e);
    }

    private static <E extends Enum<E>> String valid(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return value;
            }
        }
        return null;
    }
}
