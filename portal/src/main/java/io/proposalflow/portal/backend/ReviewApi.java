package io.proposalflow.portal.backend;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import io.proposalflow.portal.backend.Dtos.CaseReviewers;
import io.proposalflow.portal.backend.Dtos.Page;
import io.proposalflow.portal.backend.Dtos.Panel;
import io.proposalflow.portal.backend.Dtos.ReviewCase;
import reactor.core.publisher.Mono;

/** review-service's API as the pages use it. */
public final class ReviewApi {

    private static final ParameterizedTypeReference<Page<ReviewCase>> PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Panel>> PANELS = new ParameterizedTypeReference<>() {
    };

    private final ServiceClient client;

    public ReviewApi(ServiceClient client) {
        this.client = client;
    }

    public ServiceClient client() {
        return client;
    }

    /** A reviewer's own cases, or every case for a coordinator; open cases first. */
    public Mono<Page<ReviewCase>> list(int size) {
        return client.get("/api/reviews?size=" + size, PAGE);
    }

    public Mono<ReviewCase> get(UUID id) {
        return client.get("/api/reviews/" + id, ReviewCase.class);
    }

    public Mono<ReviewCase> decide(UUID id, Map<String, Object> decision, String idempotencyKey) {
        return client.send(HttpMethod.POST, "/api/reviews/" + id + "/decisions", decision, null, idempotencyKey,
                ReviewCase.class);
    }

    public Mono<ReviewCase> assign(UUID id, List<String> reviewerIds) {
        return client.send(HttpMethod.POST, "/api/reviews/" + id + "/assignments",
                Map.of("reviewerIds", reviewerIds), null, ReviewCase.class);
    }

    public Mono<CaseReviewers> caseReviewers(UUID id) {
        return client.get("/api/reviews/" + id + "/reviewers", CaseReviewers.class);
    }

    /** Takes a reviewer off an open case, against the version the coordination saw. */
    public Mono<CaseReviewers> removeReviewer(UUID id, String reviewerId, long version) {
        return client.send(HttpMethod.DELETE, "/api/reviews/" + id + "/reviewers/" + reviewerId, null,
                "\"" + version + "\"", CaseReviewers.class);
    }

    /** Puts another panel member in a reviewer's place, against the version the coordination saw. */
    public Mono<CaseReviewers> replaceReviewer(UUID id, String reviewerId, String replacement, long version) {
        return client.send(HttpMethod.PUT, "/api/reviews/" + id + "/reviewers/" + reviewerId,
                Map.of("replacement", replacement), "\"" + version + "\"", CaseReviewers.class);
    }

    public Mono<List<Panel>> panels() {
        return client.getAll("/api/panels", PANELS);
    }
}
