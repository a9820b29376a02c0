package ai.atelier.knowledge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the query-latency table of bench/results-kb.md as a PNG (p50 and p99 per filter, with the
 * 5 ms and 20 ms targets as lines), so the result reads at a glance. Run by bench/kb-bench after the
 * benchmark; can be run alone on an existing results file.
 */
public final class KnowledgeBenchChart {
    record Row(String name, double p50, double p99) {}

    public static void main(String[] args) throws Exception {
        Path md = Path.of(args.length > 0 ? args[0] : "bench/results-kb.md");
        Path png = Path.of(args.length > 1 ? args[1] : "bench/results-kb-latency.png");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(md)) {
            String[] c = line.split("\\|");
            if (c.length >= 7 && line.contains("filter") && c[2].strip().matches("[0-9.]+")) { // wall-clock p50 and p99 columns
                rows.add(new Row(c[1].strip(), Double.parseDouble(c[2].strip()), Double.parseDouble(c[4].strip())));
            }
        }
        if (rows.isEmpty()) throw new IllegalStateException("no latency rows in " + md);
        int w = 900, h = 480, left = 80, right = 40, top = 60, bottom = 90;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double max = Math.max(22, rows.stream().mapToDouble(Row::p99).max().orElse(20) * 1.15);
        int plotH = h - top - bottom, plotW = w - left - right;
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Knowledge index query latency at 100k chunks (hybrid, k = 5)", left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int y = top + plotH - (int) (plotH * v / max);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left, y, w - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", v), 20, y + 4);
        }
        int group = plotW / rows.size();
        int bar = Math.min(80, group / 3);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int x = left + i * group + group / 2 - bar;
            drawBar(g, x, r.p50(), max, top, plotH, bar, new Color(0x2E, 0x6F, 0xB5), "p50");
            drawBar(g, x + bar, r.p99(), max, top, plotH, bar, new Color(0xE0, 0x8A, 0x1E), "p99");
            g.setColor(Color.DARK_GRAY);
            g.drawString(r.name(), x, top + plotH + 20);
        }
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
        for (double target : new double[] {5, 20}) {
            int y = top + plotH - (int) (plotH * target / max);
            g.setColor(new Color(0xB0, 0x20, 0x20));
            g.drawLine(left, y, w - right, y);
            g.drawString((target == 5 ? "p50 target " : "p99 target ") + (int) target + " ms", w - right - 130, y - 4);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("blue: p50   orange: p99   (from " + md.getFileName() + ")", left, h - 30);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        System.out.println("wrote " + png);
    }

    private static void drawBar(Graphics2D g, int x, double v, double max, int top, int plotH, int width, Color c, String label) {
        int bh = (int) (plotH * v / max);
        g.setColor(c);
        g.fillRect(x, top + plotH - bh, width - 4, bh);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%s %.2f", label, v), x, top + plotH - bh - 4);
    }
}
