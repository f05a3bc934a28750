package io.proposalflow.platform.web;

import java.util.List;

/**
 * One page of a list, the same shape in every service's API.
 *
 * @param page zero-based page number
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(List<T> content, PageQuery query, long totalElements) {
        int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(content), query.page(), query.size(), totalElements, totalPages);
    }
}
