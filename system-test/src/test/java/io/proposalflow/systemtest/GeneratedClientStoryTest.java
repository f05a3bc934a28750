package io.proposalflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proposalflow.client.proposal.api.ProposalsApi;
import io.proposalflow.client.proposal.model.FundingApplicationRequest;
import io.proposalflow.client.proposal.model.Partner;
import io.proposalflow.client.proposal.model.ProposalRequest;
import io.proposalflow.client.proposal.model.ProposalResponse;
import io.proposalflow.client.review.api.ReviewsApi;
import io.proposalflow.client.review.model.DecisionRequest;
import io.proposalflow.client.review.model.ReviewCaseView;
import io.proposalflow.client.review.model.ReviewerView;
import io.proposalflow.client.review.model.ScoresRequest;
import io.proposalflow.launcher.Service;
import io.proposalflow.testsupport.Eventually;

/**
 * A partner's IT generates Java clients from the committed descriptions (docs/api, openapi-generator's
 * "native" library, see this module's pom) and walks a whole story with them against the running system:
 * the contract is usable as published, statuses, headers and JSON types included.
 */
class GeneratedClientStoryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final SystemUnderTest.PerClass SYSTEM = new SystemUnderTest.PerClass();

    @Test
    void aNeighbourhoodProposalGoesFromDraftToFundedThroughTheGeneratedClients() throws Exception {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        ProposalsApi focusGroup = proposals("fg-wohnen");

        var created = focusGroup.createProposalWithHttpInfo(new ProposalRequest()
                .title("Akti(F): Quartiersmanagement Goslar-Oker")
                .summary("Ein Quartiersbüro in Oker bringt Zugewanderte und Alteingesessene zusammen.")
                .themenfeld(ProposalRequest.ThemenfeldEnum.LOCAL_LIVING)
                .goals(List.of("Quartiersbüro eröffnen", "Nachbarschaftsfeste"))
                .targetGroups(List.of("Zugewanderte Familien in Oker"))
                .partners(List.of(new Partner().id("landkreis-goslar").name("Landkreis Goslar").role("Träger")))
                .requestedBudgetEur(new BigDecimal("240000.00"))
                .plannedStart(LocalDate.now().plusMonths(3).withDayOfMonth(1))
                .plannedEnd(LocalDate.now().plusMonths(27).withDayOfMonth(1))
                .fundingProgramme("Sozialer Zusammenhalt"), UUID.randomUUID().toString());
        assertThat(created.getStatusCode()).isEqualTo(201);
        UUID id = created.getData().getId();
        assertThat(header(created.getHeaders(), "location")).isEqualTo("/api/proposals/" + id);
        assertThat(created.getData().getRequestedBudgetEur()).isEqualByComparingTo("240000.00");

        ProposalResponse submitted = focusGroup.submitProposal(id, header(created.getHeaders(), "etag"), null);
        assertThat(submitted.getStatus()).isEqualTo(ProposalResponse.StatusEnum.SUBMITTED);

        ReviewsApi coordination = reviews("koordination");
        ReviewCaseView reviewCase = eventually("a review case for the proposal",
                () -> coordination.listReviewCases(0, 20, null, id).getContent(),
                cases -> cases.size() == 1 && cases.get(0).getReviewers().size() == 2).get(0);
        assertThat(reviewCase.getProposal().getRequestedBudgetEur()).isEqualByComparingTo("240000.00");

        for (ReviewerView reviewer : reviewCase.getReviewers()) {
            reviews(reviewer.getReviewerId()).decideReviewCase(reviewCase.getId(), new DecisionRequest()
                    .decision(DecisionRequest.DecisionEnum.APPROVE)
                    .scores(new ScoresRequest().need(5).feasibility(4).integrationImpact(5).sustainability(4)),
                    UUID.randomUUID().toString());
        }
        ReviewCaseView completed = coordination.getReviewCase(reviewCase.getId());
        assertThat(completed.getResult().getAverageScores().getNeed()).isEqualByComparingTo("5");
        assertThat(completed.getResult().getAverageScores().getFeasibility()).isEqualByComparingTo("4");

        ProposalsApi coordinator = proposals("koordination");
        ProposalResponse approved = eventually("the proposal approved", () -> coordinator.getProposal(id),
                p -> p.getStatus() == ProposalResponse.StatusEnum.APPROVED);

        assertThatThrownBy(() -> coordinator.reportFundingApplication(id,
                "\"" + (approved.getVersion() - 1) + "\"", funding("GRANTED", "230000.00"), null))
                .as("a stale If-Match fails its precondition")
                .satisfies(e -> assertThat(((io.proposalflow.client.proposal.ApiException) e).getCode()).isEqualTo(412));

        ProposalResponse funded = coordinator.reportFundingApplication(id,
                "\"" + approved.getVersion() + "\"", funding("GRANTED", "230000.00"), null);
        assertThat(funded.getStatus()).isEqualTo(ProposalResponse.StatusEnum.FUNDED);
        assertThat(funded.getFundingApplication().getGrantedAmountEur()).isEqualByComparingTo("230000.00");

        assertThat(coordinator.listProposals(null, null, null, null, before, 0, 100).getContent())
                .as("a polling system finds the proposal among those changed since it last asked")
                .extracting(ProposalResponse::getId).contains(id);
    }

    private static FundingApplicationRequest funding(String stage, String granted) {
        return new FundingApplicationRequest()
                .programme("Sozialer Zusammenhalt")
                .stage(FundingApplicationRequest.StageEnum.fromValue(stage))
                .requestedAmountEur(new BigDecimal("240000.00"))
                .grantedAmountEur(granted == null ? null : new BigDecimal(granted))
                .stageDate(LocalDate.now());
    }

    private static ProposalsApi proposals(String user) {
        io.proposalflow.client.proposal.ApiClient client = new io.proposalflow.client.proposal.ApiClient();
        client.updateBaseUri(SYSTEM.get().system.baseUrl(Service.PROPOSAL));
        client.setRequestInterceptor(request -> request.header("Authorization", basic(user)));
        return new ProposalsApi(client);
    }

    private static ReviewsApi reviews(String user) {
        io.proposalflow.client.review.ApiClient client = new io.proposalflow.client.review.ApiClient();
        client.updateBaseUri(SYSTEM.get().system.baseUrl(Service.REVIEW));
        client.setRequestInterceptor(request -> request.header("Authorization", basic(user)));
        return new ReviewsApi(client);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String header(java.util.Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    private static <T> T eventually(String what, Callable<T> read, Predicate<T> done) {
        return Eventually.value(what, PATIENCE, () -> {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, done);
    }
}
