package io.proposalflow.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The coordination sees key figures that point at no fewer than k proposals (k = 5 here). */
class SmallCellSuppressionTest {

    private final SmallCellSuppression rule = new SmallCellSuppression(5);

    @Test
    void fourIsSuppressedFiveIsShownAndNoneIsShownAsZero() {
        assertThat(rule.isSmall(4)).isTrue();
        assertThat(rule.isSmall(1)).isTrue();
        assertThat(rule.isSmall(5)).isFalse();
        assertThat(rule.isSmall(0)).isFalse();
        assertThat(rule.hidesAggregateOver(4)).isTrue();
        assertThat(rule.hidesAggregateOver(5)).isFalse();
        assertThat(new SmallCellSuppression(1).isSmall(1)).isFalse();
        assertThatThrownBy(() -> new SmallCellSuppression(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableWithFiveInItsSmallestCellShowsEverything() {
        boolean[][] hidden = rule.table(new long[][] {{5, 10, 10}, {10, 10, 10}, {10, 10, 10}});
        for (boolean[] row : hidden) {
            assertThat(row).containsOnly(false);
        }
    }

    @Test
    void aRowWithExactlyOneSmallCellLosesASecondCellSoTheTotalCannotGiveItAway() {
        long[][] cells = {{1, 8, 0}, {6, 6, 6}};
        boolean[][] hidden = rule.table(cells);
        assertThat(hidden[0][0]).as("the single proposal").isTrue();
        assertThat(hidden[0][1]).as("the other non-zero cell of its row").isTrue();
        assertThat(hidden[0][2]).as("zero is shown").isFalse();
        assertThat(hidden[0][3]).as("the row's total").isFalse();
        assertThat(hidden[1][0]).as("its column gets a second suppressed cell too").isTrue();
        assertThat(hidden[1][2]).isFalse();
        assertNothingCanBeRecomputed(cells, hidden);
    }

    @Test
    void fourInACellIsSuppressedWithItsComplementsAndTheRestOfTheTableStays() {
        long[][] cells = {{4, 10, 10}, {10, 10, 10}, {10, 10, 10}};
        boolean[][] hidden = rule.table(cells);
        assertThat(hidden[0][0]).isTrue();
        assertThat(hidden[2][2]).isFalse();
        assertThat(hidden[3][3]).as("the grand total").isFalse();
        assertThat(hidden[0][3]).as("the first row's total").isFalse();
        assertNothingCanBeRecomputed(cells, hidden);
    }

    @Test
    void twoSmallCellsThatAddUpToFewerThanKAreNotLeftAloneInTheirRow() {
        // shown: 1 + 1 = 2 (total 12 minus the 10 shown), so both would be known to be 1
        long[][] cells = {{1, 1, 10}, {10, 10, 10}};
        boolean[][] hidden = rule.table(cells);
        assertThat(hidden[0]).containsExactly(true, true, true, false);
        assertNothingCanBeRecomputed(cells, hidden);
    }

    @Test
    void aProgrammeWithThreeProposalsShowsOnlyZeros() {
        long[][] cells = {{1, 2}, {0, 0}};
        boolean[][] hidden = rule.table(cells);
        assertThat(hidden[0]).containsExactly(true, true, true);
        assertThat(hidden[1]).containsExactly(false, false, false);
        assertThat(hidden[2]).containsExactly(true, true, true);
    }

    @Test
    void partsOfAWhole() {
        assertThat(rule.parts(new long[] {5, 5}, null)).containsExactly(false, false, false);
        assertThat(rule.parts(new long[] {4, 6}, null)).as("the rest is suppressed, the whole stays")
                .containsExactly(true, true, false);
        assertThat(rule.parts(new long[] {1, 10}, new boolean[] {false, true}))
                .as("the rest is shown elsewhere, so the whole is suppressed")
                .containsExactly(true, false, true);
        assertThat(rule.parts(new long[] {0, 12}, null)).containsExactly(false, false, false);
    }

    /** No row or column has a single suppressed member, or suppressed cells adding up to fewer than k. */
    private void assertNothingCanBeRecomputed(long[][] cells, boolean[][] hidden) {
        int rows = cells.length;
        int columns = cells[0].length;
        long[][] v = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                v[r][c] = cells[r][c];
                v[r][columns] += cells[r][c];
                v[rows][c] += cells[r][c];
                v[rows][columns] += cells[r][c];
            }
        }
        for (int r = 0; r <= rows; r++) {
            int n = 0;
            long sum = 0;
            for (int c = 0; c < columns; c++) {
                n += hidden[r][c] ? 1 : 0;
                sum += hidden[r][c] ? v[r][c] : 0;
            }
            if (!hidden[r][columns]) {
                assertThat(n).as("suppressed cells in row %d", r).isNotEqualTo(1);
                assertThat(n == 0 || sum >= 5).as("suppressed cells of row %d hold at least k", r).isTrue();
            }
        }
        for (int c = 0; c <= columns; c++) {
            int n = 0;
            long sum = 0;
            for (int r = 0; r < rows; r++) {
                n += hidden[r][c] ? 1 : 0;
                sum += hidden[r][c] ? v[r][c] : 0;
            }
            if (!hidden[rows][c]) {
                assertThat(n).as("suppressed cells in column %d", c).isNotEqualTo(1);
                assertThat(n == 0 || sum >= 5).as("suppressed cells of column %d hold at least k", c).isTrue();
            }
        }
    }
}
