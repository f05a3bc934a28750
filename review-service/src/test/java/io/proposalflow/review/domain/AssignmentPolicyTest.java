package io.proposalflow.review.domain;

import static io.proposalflow.review.domain.Fixtures.affiliated;
import static io.proposalflow.review.domain.Fixtures.panel;
import static io.proposalflow.review.domain.Fixtures.proposal;
import static io.proposalflow.review.domain.Fixtures.reviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.Themenfeld;

class AssignmentPolicyTest {

    private final AssignmentPolicy twoPerCase = new AssignmentPolicy(2);

    @Test
    void memberOfTheSubmittingFocusGroupIsNeverChosen() {
        ReviewPanel panel = panel(Themenfeld.WORK_ECONOMY,
                reviewer("a-from-the-group", Themenfeld.WORK_ECONOMY), reviewer("b"), reviewer("c"));

        List<Reviewer> chosen = twoPerCase.choose(panel, proposal(Themenfeld.WORK_ECONOMY), Map.of()).orElseThrow();

        assertThat(chosen).extracting(Reviewer::id).containsExactly("b", "c");
    }

    @Test
    void memberOfAnotherFocusGroupMayBeChosen() {
        ReviewPanel panel = panel(Themenfeld.WORK_ECONOMY, reviewer("a", Themenfeld.HEALTH), reviewer("b"));

        assertThat(twoPerCase.choose(panel, proposal(Themenfeld.WORK_ECONOMY), Map.of()).orElseThrow())
                .extracting(Reviewer::id).containsExactly("a", "b");
    }

    @Test
    void reviewerAffiliatedWithANamedPartnerOrganisationIsNeverChosen() {
        ReviewPanel panel = panel(Themenfeld.WORK_ECONOMY,
                affiliated("a-jobcenter", "jobcenter-goslar"), affiliated("b-neuerkerode", "stiftung-neuerkerode"),
                affiliated("c-kvhs", "kreisvolkshochschule-goslar"), reviewer("d"));
        ProposalContent proposal = proposal(Themenfeld.WORK_ECONOMY, "stiftung-neuerkerode", "jobcenter-goslar");

        assertThat(twoPerCase.choose(panel, proposal, Map.of()).orElseThrow())
                .extracting(Reviewer::id).containsExactly("c-kvhs", "d");
    }

    @Test
    void conflictsAreNamedWithTheirReason() {
        ProposalContent proposal = proposal(Themenfeld.WORK_ECONOMY, "jobcenter-goslar");

        assertThat(reviewer("fg", Themenfeld.WORK_ECONOMY).conflictWith(proposal))
                .containsInstanceOf(ConflictOfInterest.SubmittingFocusGroup.class);
        assertThat(affiliated("jc", "jobcenter-goslar").conflictWith(proposal))
                .contains(new ConflictOfInterest.PartnerAffiliation("jc", "jobcenter-goslar"));
        assertThat(reviewer("free").conflictWith(proposal)).isEmpty();
    }

    @Test
    void reviewersWithFewestOpenCasesAreChosenFirst() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c"), reviewer("d"));

        List<Reviewer> chosen = twoPerCase.choose(panel, proposal(Themenfeld.HEALTH),
                Map.of("a", 3, "b", 1, "c", 0, "d", 2)).orElseThrow();

        assertThat(chosen).extracting(Reviewer::id).containsExactly("c", "b");
    }

    @Test
    void equalLoadIsBrokenByReviewerIdSoTheChoiceIsReproducible() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("c"), reviewer("a"), reviewer("b"));

        assertThat(twoPerCase.choose(panel, proposal(Themenfeld.HEALTH), Map.of("a", 1)).orElseThrow())
                .extracting(Reviewer::id).containsExactly("b", "c");
    }

    @Test
    void successiveCasesSpreadAcrossThePanel() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c"), reviewer("d"));
        Map<String, Integer> load = new java.util.HashMap<>();

        for (int i = 0; i < 4; i++) {
            twoPerCase.choose(panel, proposal(Themenfeld.HEALTH), load).orElseThrow()
                    .forEach(r -> load.merge(r.id(), 1, Integer::sum));
        }

        assertThat(load).containsOnly(Map.entry("a", 2), Map.entry("b", 2), Map.entry("c", 2), Map.entry("d", 2));
    }

    @Test
    void tooFewEligibleReviewersChoosesNobody() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a", Themenfeld.HEALTH), reviewer("b"));

        assertThat(twoPerCase.choose(panel, proposal(Themenfeld.HEALTH), Map.of())).isEmpty();
    }

    @Test
    void theNumberOfReviewersPerCaseIsConfigurable() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c"));

        assertThat(new AssignmentPolicy(3).choose(panel, proposal(Themenfeld.HEALTH), Map.of()).orElseThrow())
                .hasSize(3);
    }

    @Test
    void oneAtATimeTheLeastBusyReviewerNotChosenYetIsNext() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c", Themenfeld.HEALTH),
                reviewer("d"));
        Map<String, Integer> load = Map.of("a", 2, "b", 0, "d", 1);

        assertThat(twoPerCase.nextChoice(panel, proposal(Themenfeld.HEALTH), load, List.of()))
                .get().extracting(Reviewer::id).isEqualTo("b");
        assertThat(twoPerCase.nextChoice(panel, proposal(Themenfeld.HEALTH), load, List.of("b")))
                .get().extracting(Reviewer::id).isEqualTo("d");
        assertThat(twoPerCase.nextChoice(panel, proposal(Themenfeld.HEALTH), load, List.of("b", "d"))).isEmpty();
    }

    @Test
    void oneAtATimeNobodyIsChosenWhenTooFewAreEligible() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b", Themenfeld.HEALTH));

        assertThat(twoPerCase.nextChoice(panel, proposal(Themenfeld.HEALTH), Map.of(), List.of())).isEmpty();
    }
}
