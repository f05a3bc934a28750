package io.proposalflow.proposal.domain;

/**
 * The one rule that decides which key figures may be shown (issue 15, ADR 18). With six focus groups
 * and a few dozen proposals a year, a count of one or two points at an organisation or a person.
 *
 * <ul>
 * <li><b>Primary:</b> a count of 1 to k-1 is suppressed. Zero is shown: it says "none", not who.</li>
 * <li><b>Complementary:</b> in every row and column of a table (its cells and their total) either
 * nothing is suppressed, or at least two members are, and the suppressed cells of a line whose total is
 * shown hold at least k together. Otherwise a suppressed cell could be recomputed as the total minus the
 * other cells, or narrowed down (two suppressed cells adding up to 2 are both 1). The smallest shown
 * non-zero cell is suppressed in addition, the line's total when no such cell is left (a suppressed zero
 * would only move the problem into its column, whose total of zero is shown).</li>
 * <li><b>Aggregates:</b> a share, median or sum of money over fewer than k proposals is suppressed.</li>
 * </ul>
 * Plain Java: no Spring, so the rule is tested at its boundaries in milliseconds.
 */
public final class SmallCellSuppression {

    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;

    public SmallCellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold for small cells must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** The smallest count that is shown (k). */
    public int threshold() {
        return threshold;
    }

    /** A count that on its own would point at too few proposals: 1 to k-1. */
    public boolean isSmall(long count) {
        return count > 0 && count < threshold;
    }

    /** Whether a median, share or sum of money over this many proposals must be suppressed. */
    public boolean hidesAggregateOver(long proposals) {
        return proposals < threshold;
    }

    /**
     * Which cells of a table of counts, its row totals, column totals and grand total to suppress.
     *
     * @param cells rows x columns counts, at least one row and one column
     * @return (rows+1) x (columns+1): [r][c] a cell, [r][columns] a row's total, [rows][c] a column's
     *         total, [rows][columns] the grand total; true = suppressed
     */
    public boolean[][] table(long[][] cells) {
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
        boolean[][] hidden = new boolean[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                hidden[r][c] = isSmall(v[r][c]);
            }
        }
        // Each line is a row or a column with its total last; the totals row and column are lines too.
        // Suppressing a cell can leave a crossing line with a single suppressed cell, so repeat until
        // every line is safe. Each pass suppresses at least one more cell or ends: this terminates.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r <= rows; r++) {
                int[][] line = new int[columns + 1][];
                for (int c = 0; c <= columns; c++) {
                    line[c] = new int[] {r, c};
                }
                changed |= protect(v, hidden, line, null);
            }
            for (int c = 0; c <= columns; c++) {
                int[][] line = new int[rows + 1][];
                for (int r = 0; r <= rows; r++) {
                    line[r] = new int[] {r, c};
                }
                changed |= protect(v, hidden, line, null);
            }
        }
        return hidden;
    }

    /**
     * One line on its own: parts that add up to a whole (e.g. approved and rejected of the decided).
     *
     * @param parts        the counts that add up to the whole
     * @param shownElsewhere parts whose value another table already shows (they are never suppressed
     *                     here, so the whole is suppressed instead when needed); may be null
     * @return parts.length + 1 flags, the whole last; true = suppressed
     */
    public boolean[] parts(long[] parts, boolean[] shownElsewhere) {
        long[][] v = new long[1][parts.length + 1];
        boolean[][] hidden = new boolean[1][parts.length + 1];
        boolean[][] pinned = new boolean[1][parts.length + 1];
        int[][] line = new int[parts.length + 1][];
        for (int i = 0; i < parts.length; i++) {
            v[0][i] = parts[i];
            v[0][parts.length] += parts[i];
            hidden[0][i] = isSmall(parts[i]);
            pinned[0][i] = shownElsewhere != null && shownElsewhere[i];
            line[i] = new int[] {0, i};
        }
        hidden[0][parts.length] = isSmall(v[0][parts.length]);
        line[parts.length] = new int[] {0, parts.length};
        while (protect(v, hidden, line, pinned)) {
            // repeat until the line is safe
        }
        return hidden[0].clone();
    }

    /** Suppresses one more member of the line if it is not yet safe; true when something changed. */
    private boolean protect(long[][] v, boolean[][] hidden, int[][] line, boolean[][] pinned) {
        int total = line.length - 1;
        int suppressed = 0;
        long suppressedSum = 0;
        for (int i = 0; i < line.length; i++) {
            if (hidden[line[i][0]][line[i][1]]) {
                suppressed++;
                if (i < total) {
                    suppressedSum += v[line[i][0]][line[i][1]];
                }
            }
        }
        boolean totalHidden = hidden[line[total][0]][line[total][1]];
        boolean safe = suppressed == 0 || suppressed == line.length
                || (suppressed >= 2 && (totalHidden || suppressedSum >= threshold));
        if (safe) {
            return false;
        }
        int pick = -1;
        for (int i = 0; i < total; i++) {
            int r = line[i][0];
            int c = line[i][1];
            if (hidden[r][c] || v[r][c] == 0 || (pinned != null && pinned[r][c])) {
                continue;
            }
            if (pick < 0 || v[r][c] < v[line[pick][0]][line[pick][1]]) {
                pick = i;
            }
        }
        if (pick < 0 && !totalHidden && (pinned == null || !pinned[line[total][0]][line[total][1]])) {
            pick = total;
        }
        if (pick < 0) {
            return false;
        }
        hidden[line[pick][0]][line[pick][1]] = true;
        return true;
    }
}
