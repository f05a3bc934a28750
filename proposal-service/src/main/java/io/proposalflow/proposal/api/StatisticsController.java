package io.proposalflow.proposal.api;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.errors.InvalidInputException;
import io.proposalflow.proposal.application.ProposalService;
import io.proposalflow.proposal.domain.KeyFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Key figures", description = "Kennzahlen of the programme: aggregates only, no personal data")
public class StatisticsController {

    private final ProposalService service;

    public StatisticsController(ProposalService service) {
        this.service = service;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "getKeyFigures", summary = "Key figures, optionally for proposals created from/to a date (inclusive, ISO dates)",
            description = """
                    Every count is an object `{"value": n, "suppressed": false}`. A count of 1 to k-1 proposals \
                    (k = `threshold`, 5 unless the operator configured STATISTICS_SUPPRESSION_THRESHOLD) is \
                    suppressed: `value` is left out (null) and `suppressed` is true. So is every figure that \
                    would let a suppressed count be recomputed: a second cell of its row and column (or their \
                    total), the approved share and counts when approved or rejected are fewer than k, a share, \
                    median or sum of money over fewer than k proposals. Zero is shown. A share or median with \
                    nothing to compute it from has no `value` and `suppressed` false.""")
    public Mono<KeyFigures> keyFigures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "first creation day counted (ISO date)") LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "last creation day counted, inclusive (ISO date)") LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            return Mono.error(new InvalidInputException("to", "must not be before from"));
        }
        return service.keyFigures(from, to);
    }
}
