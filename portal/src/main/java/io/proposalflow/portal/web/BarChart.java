package io.proposalflow.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG: the geometry is computed here so the template
 * only places rectangles. Every chart has a data table beside it, so nothing is told by the picture
 * (or its colours) alone.
 *
 * @param bars one bar a row, in the table's order
 */
public record BarChart(String id, List<Bar> bars) {

    /** Space for labels left of the bars, in SVG units of a 600-wide drawing. */
    public static final int LABEL_WIDTH = 230;
    public static final int BAR_AREA = 300;
    public static final int ROW_HEIGHT = 28;

    /**
     * @param labelKey message key of the row's label, or null when {@code label} is the text itself
     * @param y        the bar's top in the drawing
     * @param width    the bar's length, the largest value filling the bar area
     * @param value    null when the figure is suppressed (then no bar is drawn)
     */
    public record Bar(String labelKey, String label, BigDecimal value, int y, int width) {

        public boolean suppressed() {
            return value == null;
        }
    }

    public static BarChart of(String id, List<Row> rows) {
        BigDecimal max = rows.stream().map(Row::value).filter(v -> v != null).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int width = max.signum() == 0 || row.value() == null ? 0
                    : row.value().multiply(BigDecimal.valueOf(BAR_AREA)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(row.labelKey(), row.label(), row.value(), i * ROW_HEIGHT, width));
        }
        return new BarChart(id, List.copyOf(bars));
    }

    public int height() {
        return Math.max(ROW_HEIGHT, bars.size() * ROW_HEIGHT);
    }

    /** One row; {@code value} null for a suppressed figure. */
    public record Row(String labelKey, String label, BigDecimal value) {
    }
}
