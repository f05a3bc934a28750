package io.proposalflow.review.application;

import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.persistence.ReviewCaseDocument;

/** A review case and its stored version: the HTTP edge gives the version as ETag and expects it in If-Match. */
public record VersionedCase(ReviewCase reviewCase, long version) {

    static VersionedCase of(ReviewCaseDocument document) {
        return new VersionedCase(document.toDomain(), document.getVersion() == null ? 0 : document.getVersion());
    }
}
