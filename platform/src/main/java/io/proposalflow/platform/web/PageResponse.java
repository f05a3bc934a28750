package io.proposalflow.platform.web;

import java.util.List;

/**
 * One page of a list, the same shape in every service's API.
 *
 * @param page zero-based page number
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /** The page {@code content} (already limited to {@code query}) of {@code totalElements} in all. */
    public static <T> reactor.core.publisher.Mono<PageResponse<T>> of(reactor.core.publisher.Flux<T> content,
            reactor.core.publisher.Mono<Long> totalElements, PageQuery query) {
        return content.collectList().zipWith(totalElements).map(t -> of(t.getT1(), query, t.getT2()));
    }

    public static <T> PageResponse<T> of(List<T> content, PageQuery query, long totalElements) {
        int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(content), query.page(), query.size(), totalElements, totalPages);
    }
}
