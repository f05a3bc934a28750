package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewCaseState;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.review.persistence.ReviewCaseStore;

/**
 * A review case stored by an earlier release keeps loading, and saving it writes back exactly what
 * was stored: document, then domain, then document again, with every field of the case's state set
 * (stored/review-case.json; consistency aside, a completed case with a cancel reason, so that a
 * field the mapping misses shows). A new field of {@link ReviewCaseState} fails this test until it
 * is added to the stored example: that is the one edit besides the field itself.
 */
class StoredCaseTest extends ReviewServiceTestBase {

    @Autowired
    ReviewCaseStore store;

    @Test
    void aStoredCaseLoadsWithEveryFieldAndIsWrittenBackUnchanged() throws IOException {
        Document stored = storedExample();
        UUID id = UUID.randomUUID();
        stored.put("_id", id.toString());
        mongo.insert(Document.parse(stored.toJson()), ReviewCaseDocument.COLLECTION).block();

        ReviewCaseDocument loaded = store.find(id).block();
        ReviewCase reviewCase = loaded.toDomain();

        assertThat(reviewCase.state()).hasNoNullFieldsOrProperties();
        assertThat(reviewCase.state().reviewers()).allSatisfy(r -> assertThat(r).hasNoNullFieldsOrProperties());
        assertThat(reviewCase.state().result()).hasNoNullFieldsOrProperties();
        assertThat(reviewCase.proposalId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.REJECTED);

        loaded.update(reviewCase, CODEC);
        store.saveIfUnchanged(loaded, reviewCase).block();

        Document written = mongo.findById(id.toString(), Document.class, ReviewCaseDocument.COLLECTION).block();
        assertThat(withoutVersionAndOutbox(written)).isEqualTo(withoutVersionAndOutbox(stored));
        assertThat(((Number) written.get("version")).longValue()).isEqualTo(stored.getLong("version") + 1);
    }

    private static Document storedExample() throws IOException {
        try (InputStream in = StoredCaseTest.class.getResourceAsStream("/stored/review-case.json")) {
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Document withoutVersionAndOutbox(Document document) {
        Document copy = Document.parse(document.toJson());
        copy.remove("version");
        copy.remove("outbox");
        return copy;
    }
}
