package io.proposalflow.proposal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.Nullable;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

/**
 * The programme's key figures (Kennzahlen). Aggregates only: no titles, no names, no ids, and every
 * figure that would point at fewer than {@code threshold} proposals is suppressed
 * ({@link SmallCellSuppression}): its {@code value} is null and {@code suppressed} true.
 *
 * @param from                 first day of the range (by creation date), null for open
 * @param to                   last day of the range, inclusive, null for open
 * @param threshold            k: the smallest count shown
 * @param proposals            all proposals in the range
 * @param countsByThemenfeld   number of proposals per Themenfeld and status, every combination listed
 * @param totalsByThemenfeld   the rows' totals
 * @param totalsByStatus       the columns' totals
 * @param decided              proposals the review approved or rejected
 * @param approved             of those, approved
 * @param approvalRate         approved / decided, 4 decimals; value null when nothing was decided
 * @param medianDaysToDecision median of whole days from first submission to the review's decision
 */
public record KeyFigures(@Nullable LocalDate from, @Nullable LocalDate to, int threshold, Count proposals,
        Map<Themenfeld, Map<ProposalStatus, Count>> countsByThemenfeld, Map<Themenfeld, Count> totalsByThemenfeld,
        Map<ProposalStatus, Count> totalsByStatus, Count decided, Count approved, Figure approvalRate,
        Figure medianDaysToDecision, List<ProgrammeFunding> fundingByProgramme) {

    /** A number of proposals; {@code value} is null exactly when {@code suppressed} is true. */
    public record Count(@Nullable Long value, boolean suppressed) {

        static Count of(long value, boolean suppressed) {
            return suppressed ? new Count(null, true) : new Count(value, false);
        }
    }

    /**
     * A share, median or amount; {@code value} is null when it is suppressed, and also when there is
     * nothing to compute it from (then {@code suppressed} is false).
     */
    public record Figure(@Nullable BigDecimal value, boolean suppressed) {

        static Figure of(@Nullable BigDecimal value, boolean suppressed) {
            return suppressed ? new Figure(null, true) : new Figure(value, false);
        }
    }

    /** Money asked for and granted in one funding programme. */
    public record ProgrammeFunding(String programme, Count applications, Count granted, Figure requestedEur,
            Figure grantedEur) {
    }

    /** Totals of one funding programme before anything is suppressed. */
    private record Sums(long applications, long granted, BigDecimal requestedEur, BigDecimal grantedEur) {

        Sums add(Sums o) {
            return new Sums(applications + o.applications, granted + o.granted, requestedEur.add(o.requestedEur),
                    grantedEur.add(o.grantedEur));
        }
    }

    public static KeyFigures of(LocalDate from, LocalDate to, Collection<ProposalState> proposals,
            SmallCellSuppression rule) {
        Themenfeld[] rows = Themenfeld.values();
        ProposalStatus[] columns = ProposalStatus.values();
        long[][] cells = new long[rows.length][columns.length];
        long approved = 0;
        List<Long> days = new ArrayList<>();
        Map<String, Sums> funding = new TreeMap<>();
        for (ProposalState p : proposals) {
            cells[p.content().themenfeld().ordinal()][p.status().ordinal()]++;
            if (p.decision() != null) {
                if (p.decision() == ReviewOutcome.APPROVED) {
                    approved++;
                }
                if (p.firstSubmittedAt() != null && p.decidedAt() != null) {
                    days.add(ChronoUnit.DAYS.between(p.firstSubmittedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                            p.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate()));
                }
            }
            if (p.funding() != null) {
                funding.merge(p.funding().programme(), single(p.funding()), Sums::add);
            }
        }
        boolean[][] hidden = rule.table(cells);
        Map<Themenfeld, Map<ProposalStatus, Count>> counts = new EnumMap<>(Themenfeld.class);
        Map<Themenfeld, Count> rowTotals = new EnumMap<>(Themenfeld.class);
        Map<ProposalStatus, Count> columnTotals = new EnumMap<>(ProposalStatus.class);
        long[] columnSums = new long[columns.length];
        for (Themenfeld t : rows) {
            Map<ProposalStatus, Count> perStatus = new EnumMap<>(ProposalStatus.class);
            long rowSum = 0;
            for (ProposalStatus s : columns) {
                long n = cells[t.ordinal()][s.ordinal()];
                perStatus.put(s, Count.of(n, hidden[t.ordinal()][s.ordinal()]));
                rowSum += n;
                columnSums[s.ordinal()] += n;
            }
            counts.put(t, perStatus);
            rowTotals.put(t, Count.of(rowSum, hidden[t.ordinal()][columns.length]));
        }
        for (ProposalStatus s : columns) {
            columnTotals.put(s, Count.of(columnSums[s.ordinal()], hidden[rows.length][s.ordinal()]));
        }
        Count all = Count.of(proposals.size(), hidden[rows.length][columns.length]);

        // Approved and the rest add up to the decided; the rejected are also the REJECTED column's
        // total, so when that total is shown the decided are suppressed instead of the rest.
        long decided = days.size();
        long rest = Math.max(0, decided - approved);
        boolean[] review = rule.parts(new long[] {approved, rest},
                new boolean[] {false, !hidden[rows.length][ProposalStatus.REJECTED.ordinal()]});
        BigDecimal rate = decided == 0 ? null
                : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
        boolean rateHidden = decided > 0 && (review[0] || review[2] || rule.hidesAggregateOver(decided));
        boolean medianHidden = decided > 0 && rule.hidesAggregateOver(decided);

        List<ProgrammeFunding> programmes = new ArrayList<>();
        for (Map.Entry<String, Sums> e : funding.entrySet()) {
            Sums f = e.getValue();
            boolean[] granted = rule.parts(new long[] {f.granted(), f.applications() - f.granted()}, null);
            programmes.add(new ProgrammeFunding(e.getKey(), Count.of(f.applications(), granted[2]),
                    Count.of(f.granted(), granted[0]),
                    Figure.of(f.requestedEur(), rule.hidesAggregateOver(f.applications())),
                    Figure.of(f.grantedEur(), f.granted() > 0 && rule.hidesAggregateOver(f.granted()))));
        }
        return new KeyFigures(from, to, rule.threshold(), all, counts, rowTotals, columnTotals,
                Count.of(decided, review[2]), Count.of(approved, review[0]), Figure.of(rate, rateHidden),
                Figure.of(median(days), medianHidden), List.copyOf(programmes));
    }

    private static Sums single(FundingApplication f) {
        boolean granted = f.stage() == FundingStage.GRANTED;
        return new Sums(1, granted ? 1 : 0, f.requestedAmountEur(), granted ? f.grantedAmountEur() : BigDecimal.ZERO);
    }

    private static BigDecimal median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return BigDecimal.valueOf(sorted.get(mid)).setScale(1);
        }
        return BigDecimal.valueOf(sorted.get(mid - 1) + sorted.get(mid)).divide(BigDecimal.valueOf(2), 1,
                RoundingMode.UNNECESSARY);
    }
}
