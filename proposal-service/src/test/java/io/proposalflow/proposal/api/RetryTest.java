package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.HistoryKind;
import io.proposalflow.proposal.persistence.ProposalDocument;

/**
 * A client whose request timed out cannot know whether it took effect; it sends the request again with
 * the same Idempotency-Key and gets the first answer, without a second effect.
 */
class RetryTest extends ServiceTest {

    @Test
    void aFocusGroupWhoseCreateTimedOutResendsItWithTheSameKeyAndGetsOneProposal() {
        Map<String, Object> draft = draftBody();
        String title = "Sprachcafé Oker " + UUID.randomUUID();
        draft.put("title", title);
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<byte[]> first = as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key)
                .bodyValue(draft).exchange().expectStatus().isCreated().expectBody().returnResult();
        EntityExchangeResult<byte[]> again = as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key)
                .bodyValue(draft).exchange().expectStatus().isCreated().expectBody().returnResult();

        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(withTitle(title)).hasSize(1);

        // without a key, a repeat is a new request: the client asked for that
        as(OWNER).post().uri("/api/proposals").bodyValue(draft).exchange().expectStatus().isCreated();
        assertThat(withTitle(title)).hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        Map<String, Object> draft = draftBody();
        String title = "Nachbarschaftsfest " + UUID.randomUUID();
        draft.put("title", title);
        String key = UUID.randomUUID().toString();
        as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isCreated();

        draft.put("summary", "Ein anderer Text.");
        as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Idempotency-Key already used");
        assertThat(withTitle(title)).hasSize(1);
    }

    @Test
    void aCreateRefusedForInvalidInputMayBeCorrectedAndSentWithTheSameKey() {
        Map<String, Object> draft = draftBody();
        String title = "Lotsenprojekt " + UUID.randomUUID();
        draft.put("title", title);
        draft.put("requestedBudgetEur", -1);
        String key = UUID.randomUUID().toString();
        as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isBadRequest();

        draft.put("requestedBudgetEur", 12000);
        as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(withTitle(title)).hasSize(1);
    }

    @Test
    void keysBelongToTheCallerWhoSentThem() {
        Map<String, Object> draft = draftBody();
        String title = "Mentoring " + UUID.randomUUID();
        draft.put("title", title);
        String key = UUID.randomUUID().toString();
        as(OWNER).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isCreated();
        // another focus group with the same key and body gets its own answer, not the first caller's proposal
        as(OTHER_GROUP).post().uri("/api/proposals").header("Idempotency-Key", key).bodyValue(draft).exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Idempotent-Replayed");
    }

    @Test
    void aSubmissionSentTwiceSubmitsOnce() {
        String id = createDraft(draftBody());
        String etag = etagOf(id);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(OWNER).post().uri("/api/proposals/{id}/submit", id).header(HttpHeaders.IF_MATCH, etag)
                    .header("Idempotency-Key", key).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        }
        ProposalDocument submitted = load(id);
        assertThat(submitted.toDomain().history())
                .filteredOn(entry -> entry.what() == HistoryKind.SUBMITTED).hasSize(1);
    }

    @Test
    void aFundingReportWithoutIfMatchIsRefusedAndAStaleOneToo() {
        UUID id = givenProposalIn(ProposalStatus.APPROVED);
        Long version = load(id).getVersion();
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).bodyValue(FundingTest.applied())
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(load(id).state().funding()).isNull();
        assertThat(load(id).getVersion()).isEqualTo(version);

        String read = etagOf(id);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header(HttpHeaders.IF_MATCH, read)
                .bodyValue(FundingTest.applied()).exchange().expectStatus().isOk();
        // the same report sent again after it took effect: its precondition fails, nothing is published again
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header(HttpHeaders.IF_MATCH, read)
                .bodyValue(FundingTest.applied()).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.FUNDING_APPLIED);
    }

    private List<ProposalDocument> withTitle(String title) {
        return repository.findCreated(null, null).filter(p -> title.equals(p.toDomain().state().content().title()))
                .collectList().block();
    }
}
