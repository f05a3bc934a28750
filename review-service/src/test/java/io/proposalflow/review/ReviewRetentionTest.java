package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.review.persistence.ReviewRetention;
import io.proposalflow.testsupport.MovableClock;

/** Closed review cases, with the reviewers' comments, are deleted after the retention period. */
class ReviewRetentionTest extends ReviewServiceTestBase {

    private static final Duration RETENTION = Duration.ofDays(3650);
    private static final Instant OPENED = Instant.parse("2015-03-02T09:00:00Z");

    @Test
    void aClosedCaseIsDeletedTenYearsLaterAnOpenOneStays() {
        String completed = stored("COMPLETED");
        String cancelled = stored("CANCELLED");
        String open = stored("OPEN");
        try {
            MovableClock clock = new MovableClock(OPENED.plus(RETENTION).minusSeconds(60));
            ReviewRetention retention = new ReviewRetention(mongo, RETENTION, clock);

            assertThat(retention.run().block()).isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(retention.run().block()).isGreaterThanOrEqualTo(2);

            assertThat(ids()).doesNotContain(completed, cancelled).contains(open);
            Instant cutoff = OPENED.plusSeconds(60);
            assertThat(mongo.findAll(Document.class, ReviewCaseDocument.COLLECTION).collectList().block())
                    .as("nothing due remains").noneMatch(d -> d.getDate("openedAt") != null
                            && d.getDate("openedAt").toInstant().isBefore(cutoff)
                            && !"OPEN".equals(d.getString("status")) && !"UNASSIGNED".equals(d.getString("status")));
        } finally {
            // the reduced documents are not whole cases: other tests of this context read every case
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").in(completed, cancelled, open)),
                    ReviewCaseDocument.COLLECTION).block();
        }
    }

    /** A case as stored, reduced to what retention looks at (and a comment that must go with it). */
    private String stored(String status) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("proposalId", UUID.randomUUID().toString())
                .append("status", status).append("openedAt", Date.from(OPENED))
                .append("result", new Document("comments", "Bitte mit Frau Beispiel klären")),
                ReviewCaseDocument.COLLECTION).block();
        return id;
    }

    private java.util.List<String> ids() {
        return mongo.findAll(Document.class, ReviewCaseDocument.COLLECTION).map(d -> d.get("_id").toString())
                .collectList().block();
    }
}
