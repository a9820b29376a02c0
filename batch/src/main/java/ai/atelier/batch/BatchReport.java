package ai.atelier.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * {@code OUT/report.md} and its charts, drawn with XChart as Atelier's compare and tco charts are
 * (PNG, headless): cost per 1,000 sites, p50/p95 latency, the QA score distribution and the failure
 * reasons; plus {@code OUT/batch.json}, the same figures as data ({@code atelier tco --from-batch}
 * reads its cost per site). Latency and cost are over the sites this run made; a rerun that made
 * nothing reports the figures recorded in the site folders (skipped-done rows carry them).
 */
final class BatchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The figures of a batch, as batch.json holds them. */
    record Summary(String workflow, int visitors, int done, int gateFailed, int failed, int skippedDone, int notStarted, String stoppedAt,
                   double spentUsd, Double costPerSiteUsd, Double costPer1000SitesUsd, Long p50WallMs, Long p95WallMs, Double meanQuality,
                   long batchWallMs, int madeNow, double sitesPerMinute, int executors, Double budgetUsd, Map<String, Integer> failureReasons,
                   Map<String, Integer> qualityDistribution) {}

    void write(Path out, BatchRun.Outcome o, BatchRun.Options opt, int executors, ai.atelier.reuse.ReuseStats reuse) throws IOException {
        List<ResultRow> rows = o.rows();
        // finished sites, made now or earlier: what a site costs and takes
        List<ResultRow> made = rows.stream().filter(r -> r.siteDir() != null && r.costUsd() != null && !r.status().equals(BatchStatus.FAILED)).toList();
        int done = count(rows, BatchStatus.DONE), gate = count(rows, BatchStatus.GATE_FAILED), failed = count(rows, BatchStatus.FAILED),
                skipped = count(rows, BatchStatus.SKIPPED_DONE);
        Double perSite = made.isEmpty() ? null : made.stream().mapToDouble(ResultRow::costUsd).average().orElse(0);
        List<Long> walls = made.stream().map(ResultRow::wallMs).sorted().toList();
        Map<String, Integer> reasons = new TreeMap<>();
        rows.stream().filter(r -> r.status().equals(BatchStatus.FAILED) || r.status().equals(BatchStatus.GATE_FAILED))
                .forEach(r -> reasons.merge(reason(r), 1, Integer::sum));
        Map<String, Integer> quality = new LinkedHashMap<>();
        for (int b = 0; b < 100; b += 10) quality.put(b + "–" + (b + 9), 0);
        quality.put("100", 0);
        made.stream().filter(r -> r.qualityScore() != null).forEach(r -> {
            int s = (int) Math.round(r.qualityScore());
            quality.merge(s >= 100 ? "100" : (s / 10 * 10) + "–" + (s / 10 * 10 + 9), 1, Integer::sum);
        });
        Double meanQ = made.stream().filter(r -> r.qualityScore() != null).mapToDouble(ResultRow::qualityScore).average().stream().boxed().findFirst().orElse(null);
        int ranNow = (int) rows.stream().filter(ResultRow::ranNow).count();
        double rate = o.wallMs() <= 0 ? 0 : ranNow / (o.wallMs() / 60000.0);
        Summary s = new Summary(opt.workflow(), rows.size() + o.notStarted(), done, gate, failed, skipped, o.notStarted(), o.stoppedAt(), o.spentUsd(),
                perSite, perSite == null ? null : perSite * 1000, percentile(walls, 50), percentile(walls, 95), meanQ, o.wallMs(), ranNow, rate, executors,
                opt.budgetUsd(), reasons, quality);
        JSON.writeValue(out.resolve("batch.json").toFile(), s);

        Path charts = out.resolve("charts");
        Files.createDirectories(charts);
        bar(charts.resolve("cost-per-1000-sites.png"), "Cost per 1,000 sites (USD)", "", List.of("per 1,000 sites"),
                List.of(perSite == null ? 0 : perSite * 1000));
        bar(charts.resolve("latency.png"), "Site latency (ms)", "", List.of("p50", "p95"),
                List.of(nz(s.p50WallMs()), nz(s.p95WallMs())));
        bar(charts.resolve("quality.png"), "QA score distribution (sites)", "score", new ArrayList<>(quality.keySet()),
                quality.values().stream().map(Integer::doubleValue).toList());
        Map<String, Integer> shownReasons = reasons.isEmpty() ? Map.of("none", 0) : reasons;
        bar(charts.resolve("failures.png"), "Failure reasons (sites)", "", shownReasons.keySet().stream().map(k -> k.length() > 40 ? k.substring(0, 40) + "…" : k).toList(),
                shownReasons.values().stream().map(Integer::doubleValue).toList());

        StringBuilder md = new StringBuilder();
        md.append("# Batch report\n\n");
        md.append(String.format(Locale.ROOT, "Workflow `%s`, %d visitor(s): **%d done**, %d gate-failed, %d failed, %d skipped-done (finished earlier)%s.%n%n",
                opt.workflow(), s.visitors(), done, gate, failed, skipped, o.notStarted() > 0 ? ", " + o.notStarted() + " not started" : ""));
        if (o.notStarted() > 0) {
            md.append(String.format(Locale.ROOT, "**Budget stop**: the budget of $%.4f was spent ($%.4f); no site was started after that. "
                    + "%d sites were not started; the first is %s. Run the same command with a larger `--budget-usd` to go on.%n%n",
                    opt.budgetUsd(), o.spentUsd(), o.notStarted(), o.stoppedAt()));
        }
        md.append("| measure | value |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| spent by this run | $%.4f |%n", o.spentUsd()));
        md.append("| cost per site (mean of finished sites) | ").append(perSite == null ? "—" : String.format(Locale.ROOT, "$%.6f", perSite)).append(" |\n");
        md.append("| cost per 1,000 sites | ").append(perSite == null ? "—" : String.format(Locale.ROOT, "$%.4f", perSite * 1000)).append(" |\n");
        md.append("| site latency p50 / p95 | ").append(s.p50WallMs() == null ? "—" : s.p50WallMs() + " / " + s.p95WallMs() + " ms").append(" |\n");
        md.append("| mean QA score | ").append(meanQ == null ? "—" : String.format(Locale.ROOT, "%.1f", meanQ)).append(" |\n");
        md.append(String.format(Locale.ROOT, "| batch wall time | %s (%.1f sites made per minute) |%n", Progress.duration(o.wallMs() / 1000.0), rate));
        md.append("| executors | ").append(executors).append(" |\n\n");
        md.append("![cost per 1,000 sites](charts/cost-per-1000-sites.png) ![latency](charts/latency.png)\n\n");
        md.append("![quality distribution](charts/quality.png) ![failure reasons](charts/failures.png)\n\n");
        if (!reasons.isEmpty()) {
            md.append("## Failure reasons\n\n| reason | sites |\n|---|---|\n");
            reasons.forEach((k, v) -> md.append("| ").append(k.replace("|", "\\|")).append(" | ").append(v).append(" |\n"));
            md.append("\n");
        }
        if (reuse == null) {
            md.append("Reuse across visitors was off (`--no-reuse`).\n\n");
        } else {
            md.append("## Reuse across visitors\n\nWhat one visitor's site took from another's (docs/reuse.md), counted in the driver's JVM "
                    + "(in local mode that is every task; on a cluster the executors' own counts are not collected).\n\n| step | hits | misses | hit rate |\n|---|---:|---:|---:|\n");
            reuse.steps().forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% |%n", k, v.hits(), v.misses(), 100 * v.hitRate())));
            md.append("\n");
        }
        md.append("One row per visitor in `results.jsonl` and `results.parquet`; each site in `sites/` (its `report.json` has every step and call).\n");
        Files.writeString(out.resolve("report.md"), md.toString());
    }

    /** A failure's reason without the visitor-specific part: the input problem's kind, or the failed step and first clause. */
    static String reason(ResultRow r) {
        String e = r.error() == null ? "unknown" : r.error();
        if (r.siteDir() == null && r.place() != null && e.startsWith(r.place() + ": ")) e = "bad input: " + e.substring(r.place().length() + 2);
        e = e.replace(" (an earlier run; not redone)", "");
        e = e.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\b\\d+(\\.\\d+)?\\b", "N");
        int cut = e.indexOf(';');
        if (cut > 0) e = e.substring(0, cut);
        return e.length() > 90 ? e.substring(0, 90) + "…" : e;
    }

    private static int count(List<ResultRow> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }

    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return null;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double nz(Long v) {
        return v == null ? 0 : v;
    }

    private static void bar(Path file, String title, String xTitle, List<String> x, List<Double> y) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart c = new CategoryChartBuilder().width(640).height(400).title(title).xAxisTitle(xTitle).build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setLegendVisible(false);
        st.setSeriesColors(new Color[] {new Color(0x1F77B4)});
        st.setPlotGridLinesColor(new Color(0xE6E6E6));
        st.setLabelsVisible(true);
        st.setXAxisLabelRotation(x.size() > 4 ? 30 : 0);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        c.addSeries(title, x, y);
        try {
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }

    static Map<String, Long> statusCounts(List<ResultRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(ResultRow::status, TreeMap::new, Collectors.counting()));
    }
}
