package io.proposalflow.portal.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

import io.proposalflow.portal.backend.Dtos.HistoryEntry;
import io.proposalflow.portal.backend.Dtos.KeyFigures;
import io.proposalflow.portal.backend.Dtos.Page;
import io.proposalflow.portal.backend.Dtos.Proposal;
import reactor.core.publisher.Mono;

/** proposal-service's API as the pages use it. */
public final class ProposalApi {

    private static final ParameterizedTypeReference<Page<Proposal>> PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<HistoryEntry>> HISTORY = new ParameterizedTypeReference<>() {
    };

    private final ServiceClient client;

    public ProposalApi(ServiceClient client) {
        this.client = client;
    }

    public ServiceClient client() {
        return client;
    }

    public Mono<Page<Proposal>> list(String status, String themenfeld, String q, int page, int size) {
        String uri = UriComponentsBuilder.fromPath("/api/proposals")
                .queryParamIfPresent("status", present(status))
                .queryParamIfPresent("themenfeld", present(themenfeld))
                .queryParamIfPresent("q", present(q))
                .queryParam("page", page).queryParam("size", size)
                .encode().build().toUriString();
        return client.get(uri, PAGE);
    }

    public Mono<Proposal> get(UUID id) {
        return client.get("/api/proposals/" + id, Proposal.class);
    }

    public Mono<List<HistoryEntry>> history(UUID id) {
        return client.getAll("/api/proposals/" + id + "/history", HISTORY);
    }

    /** Creates a draft; the same form sent twice (same key) creates it once. */
    public Mono<Proposal> create(Map<String, Object> content, String idempotencyKey) {
        return client.send(HttpMethod.POST, "/api/proposals", content, null, idempotencyKey, Proposal.class);
    }

    public Mono<Proposal> edit(UUID id, long version, Map<String, Object> content) {
        return client.send(HttpMethod.PUT, "/api/proposals/" + id, content, etag(version), Proposal.class);
    }

    /** submit, resubmit or withdraw, against the version the user saw. */
    public Mono<Proposal> act(UUID id, long version, String action, Object body, String idempotencyKey) {
        return client.send(HttpMethod.POST, "/api/proposals/" + id + "/" + action, body, etag(version),
                idempotencyKey, Proposal.class);
    }

    public Mono<Proposal> reportFunding(UUID id, long version, Map<String, Object> report) {
        return client.send(HttpMethod.PUT, "/api/proposals/" + id + "/funding-application", report, etag(version),
                Proposal.class);
    }

    public Mono<KeyFigures> keyFigures() {
        return client.get("/api/statistics", KeyFigures.class);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A query parameter's value, or none when the filter was left empty. */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
