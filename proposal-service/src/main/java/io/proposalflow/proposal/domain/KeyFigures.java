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
 * The programme's key figures (Kennzahlen). Aggregates only: no titles, no names, no ids, so they can
 * be shown and passed on without touching personal data.
 *
 * @param from                 first day of the range (by creation date), null for open
 * @param to                   last day of the range, inclusive, null for open
 * @param countsByThemenfeld   number of proposals per Themenfeld and status, every combination listed
 * @param decided              proposals the review approved or rejected
 * @param approvalRate         approved / decided, 4 decimals; null when nothing was decided
 * @param medianDaysToDecision median of whole days from first submission to the review's decision
 */
public record KeyFigures(@Nullable LocalDate from, @Nullable LocalDate to, long proposals,
        Map<Themenfeld, Map<ProposalStatus, Long>> countsByThemenfeld, long decided, long approved,
        @Nullable BigDecimal approvalRate, @Nullable BigDecimal medianDaysToDecision, List<ProgrammeFunding> fundingByProgramme) {

    /** Money asked for and granted in one funding programme. */
    public record ProgrammeFunding(String programme, long applications, long granted, BigDecimal requestedEur,
            BigDecimal grantedEur) {
    }

    public static KeyFigures of(LocalDate from, LocalDate to, Collection<ProposalSnapshot> proposals) {
        Map<Themenfeld, Map<ProposalStatus, Long>> counts = new EnumMap<>(Themenfeld.class);
        for (Themenfeld t : Themenfeld.values()) {
            Map<ProposalStatus, Long> perStatus = new EnumMap<>(ProposalStatus.class);
            for (ProposalStatus s : ProposalStatus.values()) {
                perStatus.put(s, 0L);
            }
            counts.put(t, perStatus);
        }
        long approved = 0;
        List<Long> days = new ArrayList<>();
        Map<String, ProgrammeFunding> funding = new TreeMap<>();
        for (ProposalSnapshot p : proposals) {
            counts.get(p.content().themenfeld()).merge(p.status(), 1L, Long::sum);
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
                funding.merge(p.funding().programme(), single(p.funding()), KeyFigures::add);
            }
        }
        long decided = days.size();
        BigDecimal rate = decided == 0 ? null
                : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
        return new KeyFigures(from, to, proposals.size(), counts, decided, approved, rate, median(days),
                List.copyOf(funding.values()));
    }

    private static ProgrammeFunding single(FundingApplication f) {
        boolean granted = f.stage() == FundingStage.GRANTED;
        return new ProgrammeFunding(f.programme(), 1, granted ? 1 : 0, f.requestedAmountEur(),
                granted ? f.grantedAmountEur() : BigDecimal.ZERO);
    }

    private static ProgrammeFunding add(ProgrammeFunding a, ProgrammeFunding b) {
        return new ProgrammeFunding(a.programme(), a.applications() + b.applications(), a.granted() + b.granted(),
                a.requestedEur().add(b.requestedEur()), a.grantedEur().add(b.grantedEur()));
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
