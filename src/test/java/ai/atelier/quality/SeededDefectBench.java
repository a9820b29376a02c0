package ai.atelier.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * {@code bench/seeded-defects}: every example visitor × workflow on the built-in engine, every
 * kind of seeded defect, the browser checks off (the static checks must catch every kind on their
 * own; the browser would only add catches). Writes bench/results-seeded-defects.md and .png.
 */
public final class SeededDefectBench {
    private SeededDefectBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench");
        Path work = Files.createTempDirectory("atelier-seeded-");
        long t0 = System.nanoTime();
        var pages = SeededDefects.goodPages(work.resolve("good"), SeededDefects.exampleProfiles(), List.of("personas", "single-llm", "fine-grained"));
        SeededDefects.Results r;
        try (QaAgent qa = QaAgent.create(QualityConfig.load(null, Map.of()).withBrowser(false))) {
            r = SeededDefects.run(pages, qa, work.resolve("seeded"));
        }
        long secs = (System.nanoTime() - t0) / 1_000_000_000L;
        StringBuilder md = new StringBuilder("# Seeded-defect benchmark\n\n");
        md.append("Measured by `bench/seeded-defects` on ").append(r.goodPages()).append(" good pages (every example visitor × personas, single-llm, fine-grained, built-in engine), ")
                .append("one defect at a time, browser checks off, in ").append(secs).append(" s. Targets: every kind caught on at least 95% of pages; at most 2% of good pages failing.\n\n");
        double falseAlarm = 100.0 * r.goodFailed().size() / r.goodPages();
        md.append(String.format(Locale.ROOT, "Good pages failing the gate: **%d of %d (%.1f%%)**%s\n\n", r.goodFailed().size(), r.goodPages(), falseAlarm,
                r.goodFailed().isEmpty() ? "" : ": " + String.join("; ", r.goodFailed())));
        md.append("| defect | pages seeded | gate failed | caught | missed on |\n|---|---:|---:|---:|---|\n");
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (SeededDefects.Tally t : r.kinds()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %s |%n", t.kind(), t.seeded(), t.caught(), t.rate(), t.missed().isEmpty() ? "" : String.join(", ", t.missed())));
            names.add(t.kind());
            rates.add(t.rate());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("results-seeded-defects.md"), md.toString());
        CategoryChart c = new CategoryChartBuilder().width(1000).height(480).title("Seeded defects: share of pages whose gate failed (" + r.goodPages() + " pages each)")
                .xAxisTitle("defect").yAxisTitle("% caught").build();
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(35);
        c.addSeries("caught", names, rates);
        BitmapEncoder.saveBitmap(c, out.resolve("results-seeded-defects.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.print(md);
    }
}
