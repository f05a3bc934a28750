package io.proposalflow.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.Dtos.AssignedReviewer;
import io.proposalflow.portal.backend.Dtos.CaseReviewers;
import io.proposalflow.portal.backend.Dtos.Contact;
import io.proposalflow.portal.backend.Dtos.PanelReviewer;
import io.proposalflow.portal.backend.Dtos.ReviewCase;
import io.proposalflow.portal.backend.Dtos.PartnerOrganisation;
import io.proposalflow.portal.backend.Dtos.KeyFigures;
import io.proposalflow.portal.backend.Dtos.ProgrammeFunding;
import io.proposalflow.portal.backend.NotificationApi;
import io.proposalflow.portal.backend.ProposalApi;
import io.proposalflow.portal.backend.ReviewApi;
import reactor.core.publisher.Mono;

/**
 * The coordination's pages: the key figures, review panels with manual assignment, an open case's
 * reviewers (removed or replaced), the partner
 * directory (contacts added, changed, erased after a confirmation) and the delivery log with resend.
 */
@Controller
public class CoordinationPages {

    private final ProposalApi proposals;
    private final ReviewApi reviews;
    private final NotificationApi notifications;

    public CoordinationPages(ProposalApi proposals, ReviewApi reviews, NotificationApi notifications) {
        this.proposals = proposals;
        this.reviews = reviews;
        this.notifications = notifications;
    }

    @GetMapping("/coordination")
    public Mono<String> dashboard(Model model) {
        return proposals.keyFigures().map(figures -> {
            model.addAttribute("figures", figures);
            model.addAttribute("threshold", figures.threshold());
            model.addAttribute("byThemenfeld", BarChart.of("chart-themenfeld", Arrays.stream(Themenfeld.values())
                    .map(t -> new BarChart.Row("themenfeld." + t.name(), null, figures.countOf(t).decimal()))
                    .toList()));
            model.addAttribute("byStatus", BarChart.of("chart-status", Arrays.stream(ProposalStatus.values())
                    .map(s -> new BarChart.Row("status." + s.name(), null, figures.countOf(s).decimal()))
                    .toList()));
            model.addAttribute("funding", fundingChart(figures));
            return "coordination/dashboard";
        });
    }

    /** Requested and granted money per programme, two bars each, on one scale. */
    private static BarChart fundingChart(KeyFigures figures) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (ProgrammeFunding f : figures.fundingByProgramme()) {
            rows.add(new BarChart.Row(null, f.programme() + " – ", f.requestedEur().value()));
            rows.add(new BarChart.Row(null, f.programme() + " – ", f.grantedEur().value()));
        }
        return BarChart.of("chart-funding", rows);
    }

    @GetMapping("/coordination/panels")
    public Mono<String> panels(@RequestParam(required = false) String notice, Model model) {
        model.addAttribute("notice", known(notice));
        return Mono.zip(reviews.panels(), reviews.list(100)).map(t -> {
            model.addAttribute("panels", t.getT1());
            model.addAttribute("cases", t.getT2().content().stream()
                    .filter(c -> "OPEN".equals(c.status()) || "UNASSIGNED".equals(c.status())).toList());
            return "coordination/panels";
        });
    }

    @PostMapping("/coordination/reviews/{id}/assign")
    public Mono<String> assign(@PathVariable UUID id, ServerWebExchange exchange) {
        return FormData.of(exchange).flatMap(form -> assign(id, form.getOrDefault("reviewerId", "")));
    }

    private Mono<String> assign(UUID id, String reviewerId) {
        if (reviewerId.isBlank()) {
            return Mono.just("redirect:/coordination/panels?notice=choose");
        }
        return reviews.assign(id, List.of(reviewerId))
                .thenReturn("redirect:/coordination/panels?notice=assigned")
                .onErrorResume(ApiProblemException.class,
                        e -> Mono.just("redirect:/coordination/panels?notice=refused"));
    }

    /** One open case's reviewers: take one off, or put another panel member in their place. */
    @GetMapping("/coordination/reviews/{id}")
    public Mono<String> caseReviewers(@PathVariable UUID id, @RequestParam(required = false) String notice,
            Model model) {
        model.addAttribute("notice", known(notice));
        return Mono.zip(reviews.get(id), reviews.caseReviewers(id), reviews.panels()).map(t -> {
            ReviewCase reviewCase = t.getT1();
            CaseReviewers onCase = t.getT2();
            List<PanelReviewer> panel = t.getT3().stream().filter(p -> p.themenfeld() == reviewCase.themenfeld())
                    .flatMap(p -> p.reviewers().stream()).toList();
            Set<String> assigned = onCase.reviewers().stream().map(AssignedReviewer::reviewerId)
                    .collect(Collectors.toSet());
            Map<String, String> names = new HashMap<>();
            t.getT3().forEach(p -> p.reviewers().forEach(r -> names.put(r.id(), r.displayName())));
            model.addAttribute("reviewCase", reviewCase);
            model.addAttribute("caseReviewers", onCase);
            model.addAttribute("names", names);
            model.addAttribute("candidates", panel.stream()
                    .filter(r -> !assigned.contains(r.id()) && free(r, reviewCase)).toList());
            return "coordination/case";
        });
    }

    @PostMapping("/coordination/reviews/{id}/reviewers/{reviewerId}/remove")
    public Mono<String> removeReviewer(@PathVariable UUID id, @PathVariable String reviewerId,
            ServerWebExchange exchange) {
        return FormData.of(exchange)
                .flatMap(form -> reviews.removeReviewer(id, reviewerId, FormData.version(form)))
                .thenReturn(caseRedirect(id, "removed"))
                .onErrorResume(ApiProblemException.class, e -> Mono.just(caseRedirect(id, refusal(e, "notRemoved"))));
    }

    @PostMapping("/coordination/reviews/{id}/reviewers/{reviewerId}/replace")
    public Mono<String> replaceReviewer(@PathVariable UUID id, @PathVariable String reviewerId,
            ServerWebExchange exchange) {
        return FormData.of(exchange).flatMap(form -> {
            String replacement = form.getOrDefault("replacement", "").trim();
            if (replacement.isEmpty()) {
                return Mono.just(caseRedirect(id, "choose"));
            }
            return reviews.replaceReviewer(id, reviewerId, replacement, FormData.version(form))
                    .thenReturn(caseRedirect(id, "replaced"))
                    .onErrorResume(ApiProblemException.class,
                            e -> Mono.just(caseRedirect(id, refusal(e, "refused"))));
        });
    }

    /**
     * Whether a panel member may review the case: not a member of the proposing focus group, not
     * affiliated with a partner of the proposal (review-service checks the same rule again).
     */
    private static boolean free(PanelReviewer reviewer, ReviewCase reviewCase) {
        List<PartnerRef> named = reviewCase.proposal().partners() == null ? List.of() : reviewCase.proposal().partners();
        Set<String> partners = named.stream().map(PartnerRef::id).collect(Collectors.toSet());
        return reviewer.focusGroup() != reviewCase.themenfeld()
                && (reviewer.affiliations() == null || reviewer.affiliations().stream().noneMatch(partners::contains));
    }

    private static String caseRedirect(UUID id, String notice) {
        return "redirect:/coordination/reviews/" + id + "?notice=" + notice;
    }

    /** A stale version (412) means someone changed the case meanwhile; anything else is the rules' refusal. */
    private static String refusal(ApiProblemException e, String otherwise) {
        return e.status() == 412 ? "caseChanged" : otherwise;
    }

    @GetMapping("/coordination/partners")
    public Mono<String> partners(@RequestParam(required = false) String notice, Model model) {
        model.addAttribute("notice", known(notice));
        return notifications.partners().map(list -> {
            model.addAttribute("partners", list);
            return "coordination/partners";
        });
    }

    @GetMapping("/coordination/partners/{org}/contacts/{contactId}/erase")
    public Mono<String> confirmErase(@PathVariable String org, @PathVariable String contactId, Model model) {
        return notifications.partner(org).map(p -> {
            model.addAttribute("partner", p);
            model.addAttribute("contact", contact(p, contactId));
            return "coordination/erase";
        });
    }

    @GetMapping("/coordination/partners/{org}/contacts/{contactId}/edit")
    public Mono<String> editContact(@PathVariable String org, @PathVariable String contactId, Model model) {
        return notifications.partner(org).map(p -> {
            Contact contact = contact(p, contactId);
            return contactPage(model, p, contactId, Map.of("name", contact.name(), "email", contact.email(),
                    "language", contact.language()), new FormErrors());
        });
    }

    @PostMapping("/coordination/partners/{org}/contacts/{contactId}/edit")
    public Mono<String> saveContact(@PathVariable String org, @PathVariable String contactId,
            ServerWebExchange exchange, Model model) {
        return FormData.of(exchange).flatMap(submitted -> {
            Map<String, String> contact = contactFields(submitted);
            FormErrors errors = validateContact(contact);
            if (errors.any()) {
                return notifications.partner(org).map(p -> contactPage(model, p, contactId, contact, errors));
            }
            return notifications.updateContact(org, contactId, Map.copyOf(contact))
                    .thenReturn("redirect:/coordination/partners?notice=changed");
        });
    }

    private static String contactPage(Model model, PartnerOrganisation partner, String contactId,
            Map<String, String> contact, FormErrors errors) {
        model.addAttribute("partner", partner);
        model.addAttribute("contactId", contactId);
        model.addAttribute("contact", contact);
        model.addAttribute("errors", errors);
        return "coordination/contact";
    }

    private static Contact contact(PartnerOrganisation partner, String contactId) {
        return partner.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new ApiProblemException(404, "no such contact", Map.of()));
    }

    /** Name, address and mail language as typed; the language is one of the two the mails exist in. */
    private static Map<String, String> contactFields(Map<String, String> submitted) {
        return Map.of("name", submitted.getOrDefault("name", "").trim(),
                "email", submitted.getOrDefault("email", "").trim(),
                "language", "EN".equals(submitted.get("language")) ? "EN" : "DE");
    }

    private static FormErrors validateContact(Map<String, String> contact) {
        FormErrors errors = new FormErrors();
        errors.text("name", contact.get("name"), 200, true);
        if (!contact.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || contact.get("email").length() > 254) {
            errors.reject("email", "error.email");
        }
        return errors;
    }

    /** The access export (DSGVO Art. 15/20) as a file to hand to the person; passed on unchanged. */
    @GetMapping("/coordination/partners/{org}/contacts/{contactId}/export")
    public Mono<ResponseEntity<String>> exportContact(@PathVariable String org,
            @PathVariable String contactId) {
        String file = "auskunft-" + contactId.replaceAll("[^A-Za-z0-9-]", "") + ".json";
        return notifications.exportContact(org, contactId).map(json -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(json));
    }

    @PostMapping("/coordination/partners/{org}/contacts/{contactId}/erase")
    public Mono<String> erase(@PathVariable String org, @PathVariable String contactId) {
        return notifications.eraseContact(org, contactId)
                .thenReturn("redirect:/coordination/partners?notice=erased");
    }

    /** Adds a contact person; a wrong entry comes back on a form of its own, as typed, the error at its field. */
    @PostMapping("/coordination/partners/{org}/contacts")
    public Mono<String> addContact(@PathVariable String org, ServerWebExchange exchange, Model model) {
        return FormData.of(exchange).flatMap(submitted -> {
            Map<String, String> contact = contactFields(submitted);
            FormErrors errors = validateContact(contact);
            if (errors.any()) {
                return notifications.partner(org).map(p -> contactPage(model, p, null, contact, errors));
            }
            return notifications.addContact(org, Map.copyOf(contact))
                    .thenReturn("redirect:/coordination/partners?notice=added")
                    .onErrorResume(ApiProblemException.class, e -> {
                        if (e.status() != 400) {
                            return Mono.error(e);
                        }
                        errors.fromService(e.fieldErrors(), Map.of("name", "name", "email", "email"));
                        return notifications.partner(org).map(p -> contactPage(model, p, null, contact, errors));
                    });
        });
    }

    @GetMapping("/coordination/deliveries")
    public Mono<String> deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String notice, Model model) {
        String s = status != null && List.of("PENDING", "SENDING", "SENT", "FAILED", "CANCELLED").contains(status)
                ? status : null;
        model.addAttribute("filterStatus", s == null ? "" : s);
        model.addAttribute("notice", known(notice));
        return notifications.deliveries(s, 50).map(page -> {
            model.addAttribute("deliveries", page);
            return "coordination/deliveries";
        });
    }

    @PostMapping("/coordination/deliveries/{id}/resend")
    public Mono<String> resend(@PathVariable String id) {
        return notifications.resend(id)
                .thenReturn("redirect:/coordination/deliveries?notice=resent")
                .onErrorResume(ApiProblemException.class,
                        e -> Mono.just("redirect:/coordination/deliveries?notice=notResent"));
    }

    /** Notices a page may show after a redirect; anything else in the query is ignored. */
    private static String known(String notice) {
        return notice != null && List.of("choose", "assigned", "refused", "erased", "added",
                "resent", "notResent", "changed", "removed", "replaced", "notRemoved", "caseChanged").contains(notice) ? notice : null;
    }
}
