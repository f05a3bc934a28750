package io.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the figures the performance issue asks for: floor, writes, CPU, preload copies. */
class MeasurementToolsTest {

    @Test
    void theRatioUsesTheMeanOfTheFloorBeforeAndAfterThePipelineAndSaysHowFarApartTheyWere() {
        Floor.Pair floor = new Floor.Pair(new Floor.Result(80_000, 700, 2_000, 20),
                new Floor.Result(70_000, 300, 2_200, 24));

        assertThat(floor.mean().mongoWritesPerSecond()).isEqualTo(500);
        assertThat(floor.mean().kafkaRecordsPerSecond()).isEqualTo(75_000);
        // 400 apart on a mean of 500
        assertThat(floor.spreadPercent()).containsEntry("mongo", 80.0).containsEntry("smtp", 9.5);
        // two rounds count as settled only when every resource agrees within 15 %
        assertThat(Floor.agree(floor.before(), floor.after())).isFalse();
        assertThat(Floor.agree(new Floor.Result(80_000, 700, 2_000, 20), new Floor.Result(75_000, 650, 2_100, 30)))
                .isTrue();
    }

    @Test
    void writesAreCountedPerCollectionAndKindBetweenTwoReadingsAndPerProposal() {
        WriteCounters before = new WriteCounters(100, Map.of("proposal-service.proposals",
                Map.of("insert", 10L, "update $set", 40L)));
        WriteCounters after = new WriteCounters(190, Map.of(
                "proposal-service.proposals", Map.of("insert", 20L, "update $set", 80L, "update $pull", 10L),
                "notification-service.notifications", Map.of("insert", 30L)));

        WriteCounters run = after.minus(before);

        assertThat(run.total()).isEqualTo(90);
        Map<String, Map<String, Double>> perProposal = run.perProposal(10);
        assertThat(perProposal.get("proposal-service.proposals")).containsEntry("insert", 1.0)
                .containsEntry("update $set", 4.0).containsEntry("update $pull", 1.0).containsEntry("total", 6.0);
        assertThat(perProposal.get("notification-service.notifications")).containsEntry("total", 3.0);
    }

    @Test
    void cpuTimeIsUserPlusSystemTimeFromProcStatEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 40 0 100 "
                + "3000000000 70000 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0";

        // 1234 + 567 ticks at 100 per second (getconf CLK_TCK on Linux)
        assertThat(CpuClock.parseStat(stat)).isEqualTo(18.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CpuClock.spent(Map.of("devstack", 10.0, "gone", 1.0), Map.of("devstack", 12.5)))
                .containsExactly(Map.entry("devstack", 2.5));
    }

    @Test
    void theBenchmarksOwnProcessHasACpuTimeAndIsFoundByThePortItListensOn() throws Exception {
        assertThat(CpuClock.cpuSeconds(ProcessHandle.current().pid())).isPositive();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            assertThat(CpuClock.pidListeningOn(socket.getLocalPort())).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void aPreloadCopyGetsFreshIdsThatStillReferToEachOtherAndKeepsEverythingElse() {
        String proposal = "0b7e5c2a-1f4d-4c3b-9a8e-2d6f1e0c9b7a";
        Document proposalDoc = new Document("_id", proposal).append("status", "APPROVED")
                .append("partners", List.of(new Document("id", "jobcenter-goslar")))
                .append("outbox", List.of());
        Document caseDoc = new Document("_id", "rc-" + proposal).append("proposalId", proposal)
                .append("reviewerIds", List.of("rev-kvhs", "rev-migration"));

        Map<Object, Object> fresh = new HashMap<>();
        Document proposalCopy = (Document) Preload.remap(proposalDoc, fresh);
        Document caseCopy = (Document) Preload.remap(caseDoc, fresh);

        String newId = proposalCopy.getString("_id");
        assertThat(newId).isNotEqualTo(proposal).matches("[0-9a-f-]{36}");
        assertThat(caseCopy.getString("_id")).isEqualTo("rc-" + newId);
        assertThat(caseCopy.getString("proposalId")).isEqualTo(newId);
        assertThat(caseCopy.get("reviewerIds")).isEqualTo(List.of("rev-kvhs", "rev-migration"));
        assertThat(proposalCopy.get("partners")).isEqualTo(proposalDoc.get("partners"));
        assertThat(proposalCopy.getString("status")).isEqualTo("APPROVED");
        // a document per reviewer is not per proposal: its id stays, so the preload leaves it out
        assertThat(Preload.remap("rev-kvhs", new HashMap<>())).isEqualTo("rev-kvhs");
        // the next copy gets other ids again
        assertThat(((Document) Preload.remap(proposalDoc, new HashMap<>())).getString("_id")).isNotEqualTo(newId);
    }

    @Test
    void theNewOptionsParseAndExcludeWhatCannotGoTogether() {
        BenchOptions open = BenchOptions.parse(new String[] {"--open-loop", "0.7", "--preload", "10000"});
        assertThat(open.concurrency()).isEqualTo(BenchOptions.CAPACITY_CONCURRENCY);
        assertThat(open.rate()).isNull();
        assertThat(open.openLoopFraction()).isEqualTo(0.7);
        assertThat(open.preload()).isEqualTo(10_000);

        BenchOptions compare = BenchOptions.parse(new String[] {"--preload-compare", "500", "--concurrency", "4"});
        assertThat(compare.preloadCompare()).isTrue();
        assertThat(compare.preload()).isEqualTo(500);
        assertThat(compare.single(0, java.nio.file.Path.of("x")).preloadCompare()).isFalse();

        // as before: open loop at 10 per second when nothing is said
        assertThat(BenchOptions.parse(new String[0]).rate()).isEqualTo(10.0);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--open-loop", "0.7", "--rate", "5"}))
                .hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--preload-compare", "10", "--running"}))
                .hasMessageContaining("fresh systems");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--open-loop", "70"}))
                .hasMessageContaining("fraction");
    }

    @Test
    void theWarmUpIsSteadyOnlyOnceTheCompilersAreQuietAndTheCpuPerProposalStoppedFalling() {
        // 10 s steps: CPU per proposal falls from 0.2 to 0.1 s in the first 40 s, then stays; the JIT
        // compilers use 3 of each step's 18 CPU seconds for 80 s
        WarmUp.Course course = new WarmUp.Course();
        double cpu = 0;
        long done = 0;
        double compilers = 0;
        course.add(new WarmUp.Step(0, 0, 0, 0));
        double[] perProposal = {0.2, 0.16, 0.12, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        boolean[] steadyAfter = new boolean[perProposal.length];
        for (int i = 0; i < perProposal.length; i++) {
            long proposals = Math.round(18 / perProposal[i]);
            done += proposals;
            cpu += 18;
            compilers += i < 8 ? 3 : 0.1;
            course.add(new WarmUp.Step(10.0 * (i + 1), done, cpu, compilers));
            steadyAfter[i] = course.steady();
        }
        // until 80 s the 30 s before the last 30 s still held a slower step (0.12 s at 20-30 s); from 90 s
        // the CPU per proposal agrees, but the compilers were busy within the last 30 s until 110 s
        assertThat(steadyAfter).containsExactly(false, false, false, false, false, false, false, false, false, false,
                true);
        assertThat(course.toJson()).hasSize(11).first().satisfies(step -> {
            assertThat(step).containsEntry("proposals_completed", 90L).containsEntry("cpu_s_per_proposal", 0.2);
            assertThat(step).containsEntry("jit_compiler_share", 0.167);
        });

        assertThat(BenchOptions.parse(new String[0]).warmup().untilSteadyMode()).isTrue();
        BenchOptions fixed = BenchOptions.parse(new String[] {"--warmup", "10"});
        assertThat(fixed.warmup().fixed()).hasSeconds(10);
        assertThat(fixed.warmupAfterPipeline()).hasSeconds(10);
    }
}
