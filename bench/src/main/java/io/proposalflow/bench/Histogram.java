package io.proposalflow.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** A latency histogram as a PNG, with the percentiles marked; drawn with the JDK alone. */
final class Histogram {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int BINS = 50;

    private Histogram() {
    }

    static void write(List<Double> millis, Percentiles p, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        if (millis.isEmpty()) {
            g.drawString("no completed proposals", LEFT, TOP + 40);
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
            return;
        }
        double upper = Math.max(1, p.max());
        int[] counts = new int[BINS];
        for (double value : millis) {
            counts[Math.min(BINS - 1, (int) (value / upper * BINS))]++;
        }
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        int barWidth = plotWidth / BINS;
        g.setColor(new Color(70, 120, 180));
        for (int i = 0; i < BINS; i++) {
            int h = (int) ((double) counts[i] / highest * plotHeight);
            g.fillRect(LEFT + i * barWidth + 1, TOP + plotHeight - h, barWidth - 2, h);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int x = LEFT + plotWidth * i / 5;
            g.drawLine(x, TOP + plotHeight, x, TOP + plotHeight + 5);
            g.drawString(String.format(Locale.ROOT, "%.0f", upper * i / 5), x - 10, TOP + plotHeight + 20);
            int y = TOP + plotHeight - plotHeight * i / 5;
            g.drawString(String.valueOf(highest * i / 5), 10, y + 4);
        }
        g.drawString("milliseconds from submit to the last mail sent", LEFT + plotWidth / 2 - 140, HEIGHT - 15);
        g.drawString("proposals", 10, TOP - 10);
        mark(g, p.p50(), upper, "p50", new Color(40, 150, 60), plotWidth, plotHeight);
        mark(g, p.p95(), upper, "p95", new Color(220, 140, 0), plotWidth, plotHeight);
        mark(g, p.p99(), upper, "p99", new Color(200, 40, 40), plotWidth, plotHeight);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void mark(Graphics2D g, double value, double upper, String label, Color color, int plotWidth,
            int plotHeight) {
        int x = LEFT + (int) (Math.min(value, upper) / upper * plotWidth);
        g.setColor(color);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(x, TOP, x, TOP + plotHeight);
        g.drawString(String.format(Locale.ROOT, "%s %.0f ms", label, value), x + 4,
                TOP + 14 + ("p50".equals(label) ? 0 : "p95".equals(label) ? 16 : 32));
    }
}
