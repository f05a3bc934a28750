package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.Proposals;
import io.proposalflow.proposal.persistence.ProposalDocument;

class FundingTest extends ServiceTest {

    static Map<String, Object> applied() {
        return funding("APPLICATION_SUBMITTED", null);
    }

    static Map<String, Object> funding(String stage, BigDecimal granted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", "Akti(F)");
        body.put("stage", stage);
        body.put("requestedAmountEur", new BigDecimal("248000.00"));
        if (granted != null) {
            body.put("grantedAmountEur", granted);
        }
        body.put("stageDate", "2026-09-30");
        body.put("note", "Interessenbekundung fristgerecht eingereicht");
        return body;
    }

    @Test
    void theFirstFundingReportMovesAnApprovedProposalToFundingAppliedAndAGrantToFunded() {
        UUID id = givenProposalIn(ProposalStatus.APPROVED);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id)).bodyValue(applied()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("FUNDING_APPLIED")
                .jsonPath("$.fundingApplication.stage").isEqualTo("APPLICATION_SUBMITTED");

        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id))
                .bodyValue(funding("GRANTED", new BigDecimal("230000.00"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("FUNDED")
                .jsonPath("$.fundingApplication.grantedAmountEur").isEqualTo(230000.00);
        assertThat(load(id).state().funding().stage()).isEqualTo(FundingStage.GRANTED);
    }

    @Test
    void aDenialMovesTheProposalToFundingDenied() {
        UUID id = givenProposalIn(ProposalStatus.FUNDING_APPLIED);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id)).bodyValue(funding("DENIED", null))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("FUNDING_DENIED");
    }

    @Test
    void aFundingReportOnAProposalThatIsNotApprovedIsA409() {
        UUID id = givenProposalIn(ProposalStatus.IN_REVIEW);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id)).bodyValue(applied()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("IN_REVIEW");
        assertThat(load(id).state().funding()).isNull();
    }

    @Test
    void aGrantNeedsAGrantedAmountAndOtherStagesMustNotHaveOne() {
        UUID id = givenProposalIn(ProposalStatus.APPROVED);
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id)).bodyValue(funding("GRANTED", null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grantedAmountEur");
        as(COORDINATOR).put().uri("/api/proposals/{id}/funding-application", id).header("If-Match", etagOf(id))
                .bodyValue(funding("PLANNED", BigDecimal.TEN)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grantedAmountEur");
        assertThat(load(id).state().status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void keyFiguresAreAggregatesOnly() {
        givenProposalIn(ProposalStatus.FUNDED);
        givenProposalIn(ProposalStatus.REJECTED);
        as(COORDINATOR).get().uri("/api/statistics").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.threshold").isEqualTo(5)
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.FUNDED.suppressed").isBoolean()
                .jsonPath("$.countsByThemenfeld.HEALTH.DRAFT.value").exists()
                .jsonPath("$.totalsByStatus.FUNDED").exists()
                .jsonPath("$.approvalRate.suppressed").isBoolean()
                .jsonPath("$.medianDaysToDecision.suppressed").isBoolean()
                .jsonPath("$.fundingByProgramme[?(@.programme == 'ESF Plus')].grantedEur").exists()
                .jsonPath("$..title").doesNotExist()
                .jsonPath("$..createdBy").doesNotExist();
    }

    @Test
    void aSingleProposalInAThemenfeldIsShownAsSuppressedNotAsOne() {
        Instant day = Instant.parse("2019-05-06T10:00:00Z");
        store(Proposal.draft(UUID.randomUUID(), Proposals.content(), "Fokusgruppe Arbeitswelt", OWNER, day));
        for (int i = 0; i < 6; i++) {
            Proposal other = Proposal.draft(UUID.randomUUID(), Proposals.content(), "Fokusgruppe Arbeitswelt",
                    OWNER, day);
            other.submit(OWNER, day);
            store(other);
        }
        as(COORDINATOR).get().uri("/api/statistics?from=2019-05-06&to=2019-05-06").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.proposals.value").isEqualTo(7)
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.DRAFT.value").doesNotExist()
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.DRAFT.suppressed").isEqualTo(true)
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.SUBMITTED.suppressed").isEqualTo(true)
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.FUNDED.value").isEqualTo(0)
                .jsonPath("$.countsByThemenfeld.WORK_ECONOMY.FUNDED.suppressed").isEqualTo(false)
                .jsonPath("$.totalsByThemenfeld.WORK_ECONOMY.value").isEqualTo(7)
                .jsonPath("$.totalsByStatus.DRAFT.suppressed").isEqualTo(true);
    }

    private void store(Proposal proposal) {
        repository.save(ProposalDocument.of(proposal, codec)).block();
    }

    @Test
    void keyFiguresForARangeInTheFutureAreEmpty() {
        as(COORDINATOR).get().uri("/api/statistics?from=2999-01-01&to=2999-12-31").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.proposals.value").isEqualTo(0)
                .jsonPath("$.approvalRate.value").doesNotExist()
                .jsonPath("$.approvalRate.suppressed").isEqualTo(false);
        as(COORDINATOR).get().uri("/api/statistics?from=2999-01-01&to=2998-12-31").exchange()
                .expectStatus().isBadRequest();
    }
}
