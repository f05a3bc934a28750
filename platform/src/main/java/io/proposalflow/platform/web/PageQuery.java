package io.proposalflow.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Paging parameters of every list endpoint ({@code ?page=0&size=20}), bound from the query
 * string and validated like any other input. The API description shows them as two bounded integer
 * query parameters (springdoc's {@code @ParameterObject} where a controller takes them).
 */
public record PageQuery(
        @Parameter(description = "zero-based page number; 0 if not given")
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = PageQuery.MAX_PAGE, message = "must be between 0 and " + PageQuery.MAX_PAGE) Integer page,
        @Parameter(description = "entries per page; " + PageQuery.DEFAULT_SIZE + " if not given")
        @Min(value = 1, message = "must be between 1 and " + PageQuery.MAX_SIZE)
        @Max(value = PageQuery.MAX_SIZE, message = "must be between 1 and " + PageQuery.MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * The last page whose offset ({@code page * size}) still fits MongoDB's skip, a 32-bit int, at
     * any size: beyond it the skip would overflow into a negative number.
     */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) page * size;
    }

    /** These paging parameters for a Spring Data query, in a stable order. */
    public org.springframework.data.domain.Pageable pageable(org.springframework.data.domain.Sort sort) {
        return org.springframework.data.domain.PageRequest.of(page, size, sort);
    }

    /** One page of a list that is held in memory as a whole (a few entries, e.g. the six panels). */
    public <T> PageResponse<T> slice(java.util.List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        int to = (int) Math.min(offset() + size, all.size());
        return PageResponse.of(all.subList(from, to), this, all.size());
    }
}
