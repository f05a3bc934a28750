package io.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsTheValueItself() {
        Percentiles p = Percentiles.of(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void aSingleValueIsEveryPercentileAndNoValuesGiveNone() {
        assertThat(Percentiles.of(List.of(7.0)).p99()).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThat(Percentiles.of(List.of()).toJson().get("p50_ms")).isNull();
    }
}
