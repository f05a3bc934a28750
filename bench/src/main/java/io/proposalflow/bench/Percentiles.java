package io.proposalflow.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of durations in milliseconds (nearest-rank). */
record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

    static Percentiles of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** For results.json: names carry the unit. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50_ms", round(p50));
        json.put("p95_ms", round(p95));
        json.put("p99_ms", round(p99));
        json.put("max_ms", round(max));
        json.put("mean_ms", round(mean));
        return json;
    }

    static Object round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }
}
