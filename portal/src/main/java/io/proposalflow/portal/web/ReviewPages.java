package io.proposalflow.portal.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.proposalflow.events.ReviewDecision;
import io.proposalflow.portal.backend.ApiProblemException;
import io.proposalflow.portal.backend.BackendUnavailableException;
import io.proposalflow.portal.backend.Dtos.AssignedReviewer;
import io.proposalflow.portal.backend.Dtos.ReviewCase;
import io.proposalflow.portal.backend.ReviewApi;
import io.proposalflow.portal.security.PortalUser;
import reactor.core.publisher.Mono;

/**
 * A reviewer's inbox (open cases with due dates, overdue marked; earlier decisions) and the case page
 * with the proposal as submitted, the rubric, the decision and the comment.
 */
@Controller
public class ReviewPages {

    /** The four criteria of the rubric, in the order the form asks them. */
    static final List<String> CRITERIA = List.of("need", "feasibility", "integrationImpact", "sustainability");

    private final ReviewApi reviews;

    public ReviewPages(ReviewApi reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/reviews")
    public Mono<String> inbox(@AuthenticationPrincipal PortalUser user, Model model) {
        return reviews.list(100).map(page -> {
            List<ReviewCase> open = page.content().stream()
                    .filter(c -> "OPEN".equals(c.status()) && undecided(c, user)).toList();
            List<ReviewCase> done = page.content().stream()
                    .filter(c -> !open.contains(c)).toList();
            model.addAttribute("open", open);
            model.addAttribute("done", done);
            model.addAttribute("now", Instant.now());
            return "reviews/inbox";
        });
    }

    @GetMapping("/reviews/{id}")
    public Mono<String> show(@PathVariable UUID id, @AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) String notice, Model model) {
        return reviews.get(id).map(c -> {
            AssignedReviewer mine = c.reviewer(user.username());
            Map<String, String> form = new LinkedHashMap<>();
            if (mine != null && mine.decision() != null) {
                form.put("decision", mine.decision().name());
                form.put("comment", mine.comment() == null ? "" : mine.comment());
                form.put("need", String.valueOf(mine.scores().need()));
                form.put("feasibility", String.valueOf(mine.scores().feasibility()));
                form.put("integrationImpact", String.valueOf(mine.scores().integrationImpact()));
                form.put("sustainability", String.valueOf(mine.scores().sustainability()));
            }
            model.addAttribute("notice", "decided".equals(notice) ? notice : null);
            return casePage(model, c, mine, form, new FormErrors());
        });
    }

    @PostMapping("/reviews/{id}")
    public Mono<String> decide(@PathVariable UUID id, @AuthenticationPrincipal PortalUser user,
            ServerWebExchange exchange, Model model) {
        return FormData.of(exchange).flatMap(submitted -> decide(id, user, submitted, model));
    }

    private Mono<String> decide(UUID id, PortalUser user, Map<String, String> submitted, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("decision", "comment", "need", "feasibility", "integrationImpact",
                "sustainability")) {
            form.put(field, submitted.getOrDefault(field, ""));
        }
        FormErrors errors = validate(form);
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", form.get("decision"));
            Map<String, Integer> scores = new LinkedHashMap<>();
            CRITERIA.forEach(c -> scores.put(c, Integer.valueOf(form.get(c))));
            body.put("scores", scores);
            body.put("comment", form.get("comment").isBlank() ? null : form.get("comment").trim());
            return reviews.decide(id, body, FormData.idempotencyKey(submitted))
                    .map(c -> "redirect:/reviews/" + id + "?notice=decided")
                    .onErrorResume(ApiProblemException.class, e -> {
                        if (e.status() != 400 && e.status() != 409) {
                            return Mono.error(e);
                        }
                        errors.reject(e.fieldErrors().containsKey("comment") ? "comment" : "form",
                                e.fieldErrors().containsKey("comment") ? "error.comment.required" : "error.review.closed");
                        return reviews.get(id).map(c -> casePage(model, c, c.reviewer(user.username()), form, errors));
                    })
                    .onErrorResume(BackendUnavailableException.class, e -> {
                        // keep what the reviewer wrote: the page comes back with their entries and the message
                        model.addAttribute("unavailableKey", e.backend().unavailableMessageKey());
                        model.addAttribute("reviewCase", null);
                        model.addAttribute("form", form);
                        model.addAttribute("errors", errors);
                        model.addAttribute("criteria", CRITERIA);
                        model.addAttribute("decisions", ReviewDecision.values());
                        model.addAttribute("caseId", id);
                        return Mono.just("reviews/case");
                    });
        }
        return reviews.get(id).map(c -> casePage(model, c, c.reviewer(user.username()), form, errors));
    }

    /** The rubric's rules, checked before anything is sent: every score 1-5, a decision, a comment where required. */
    static FormErrors validate(Map<String, String> form) {
        FormErrors errors = new FormErrors();
        for (String criterion : CRITERIA) {
            if (!form.get(criterion).matches("[1-5]")) {
                errors.reject(criterion, "error.score");
            }
        }
        String decision = form.get("decision");
        if (!List.of("APPROVE", "REJECT", "REQUEST_CHANGES").contains(decision)) {
            errors.reject("decision", "error.required.choice");
        } else if (!"APPROVE".equals(decision) && form.get("comment").isBlank()) {
            errors.reject("comment", "error.comment.required");
        }
        if (form.get("comment").length() > 4000) {
            errors.reject("comment", "error.tooLong.4000");
        }
        return errors;
    }

    private static String casePage(Model model, ReviewCase c, AssignedReviewer mine, Map<String, String> form,
            FormErrors errors) {
        model.addAttribute("reviewCase", c);
        model.addAttribute("caseId", c.id());
        model.addAttribute("mine", mine);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", CRITERIA);
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("now", Instant.now());
        return "reviews/case";
    }

    private static boolean undecided(ReviewCase c, PortalUser user) {
        AssignedReviewer mine = c.reviewer(user.username());
        return mine == null || mine.decision() == null;
    }
}
