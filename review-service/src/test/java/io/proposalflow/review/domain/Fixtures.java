package io.proposalflow.review.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;

/** Small builders shared by the domain tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Scores GOOD = new Scores(4, 4, 5, 3);

    private Fixtures() {
    }

    static ProposalContent proposal(Themenfeld themenfeld, String... partnerIds) {
        List<PartnerRef> partners = java.util.Arrays.stream(partnerIds)
                .map(id -> new PartnerRef(id, id, "Partner")).toList();
        return new ProposalContent("Sprachcafé mit Kinderbetreuung", "Ein offenes Sprachcafé.", themenfeld,
                List.of("Deutsch üben"), List.of("Zugewanderte Eltern"), partners, new BigDecimal("4800.00"),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31), null);
    }

    static Reviewer reviewer(String id) {
        return new Reviewer(id, id, null, Set.of());
    }

    static Reviewer reviewer(String id, Themenfeld focusGroup) {
        return new Reviewer(id, id, focusGroup, Set.of());
    }

    static Reviewer affiliated(String id, String... organisations) {
        return new Reviewer(id, id, null, Set.of(organisations));
    }

    static ReviewPanel panel(Themenfeld themenfeld, Reviewer... reviewers) {
        return new ReviewPanel(themenfeld, List.of(reviewers));
    }
}
