package ai.atelier.economics;

import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison's charts: cost against QA score per workflow, cost per role, a latency
 * waterfall of a typical site of each workflow, and coordination overhead against k with the
 * fitted b·k^m curve. Simulated runs say so in every title.
 */
final class CompareCharts {
    private final String tag;

    CompareCharts(String simulation) {
        this.tag = simulation == null ? "" : " [SIMULATION]";
    }

    /** Writes every chart into {@code dir}; returns the file names written. */
    List<String> write(CompareReport report, List<SiteRun> runs, Path dir) {
        List<String> files = new ArrayList<>();
        files.add(costVsQuality(report, dir));
        files.add(costByRole(report, dir));
        for (WorkflowStats w : report.workflows()) {
            String f = waterfall(w.workflow(), runs, dir);
            if (f != null) files.add(f);
        }
        files.add(overheadVsK(report, dir));
        return files;
    }

    private boolean useEstimate(CompareReport report) {
        return report.sites().stream().noneMatch(s -> s.costUsd() != null && s.costUsd() > 0);
    }

    private String costVsQuality(CompareReport report, Path dir) {
        boolean est = useEstimate(report);
        XYChart c = new XYChartBuilder().width(900).height(560).title("Cost vs QA score per site" + tag)
                .xAxisTitle(est ? "estimated cost per site (USD)" : "cost per site (USD)").yAxisTitle("QA score (0-100)").build();
        Charts.style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(11);
        c.getStyler().setLegendPosition(LegendPosition.InsideSW);
        c.getStyler().setXAxisDecimalPattern("0.0000");
        c.getStyler().setXAxisTickMarkSpacingHint(110);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(105.0);
        boolean any = false;
        for (WorkflowStats w : report.workflows()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (CompareReport.SiteLine s : report.sites()) {
                Double cost = est ? s.estimatedCostUsd() : s.costUsd();
                if (s.workflow().equals(w.workflow()) && cost != null && s.qaScore() != null) {
                    x.add(cost);
                    y.add(s.qaScore().doubleValue());
                }
            }
            if (!x.isEmpty()) {
                c.addSeries(w.workflow() + " (k=" + w.k() + ")", x, y);
                any = true;
            }
        }
        if (!any) c.addSeries("no priced sites", List.of(0.0), List.of(0.0));
        Charts.save(c, dir.resolve("cost-vs-quality.png"));
        return "cost-vs-quality.png";
    }

    private String costByRole(CompareReport report, Path dir) {
        boolean est = useEstimate(report);
        List<String> workflows = report.workflows().stream().map(w -> w.workflow() + " (k=" + w.k() + ")").toList();
        Set<String> roles = new LinkedHashSet<>();
        report.workflows().forEach(w -> roles.addAll((est ? w.estimatedCostByRole() : w.costByRole()).keySet()));
        CategoryChart c = new CategoryChartBuilder().width(1000).height(600).title("Cost per site by role" + (est ? " (estimate)" : "") + tag)
                .xAxisTitle("workflow").yAxisTitle((est ? "estimated " : "") + "mean cost per site (USD)").build();
        Charts.style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(LegendPosition.OutsideE);
        c.getStyler().setYAxisDecimalPattern("0.00000");
        c.getStyler().setAvailableSpaceFill(0.5);
        if (roles.isEmpty()) roles.add("no priced roles");
        for (String role : roles) {
            List<Double> y = new ArrayList<>();
            for (WorkflowStats w : report.workflows()) y.add((est ? w.estimatedCostByRole() : w.costByRole()).getOrDefault(role, 0.0));
            c.addSeries(role, workflows, y);
        }
        Charts.save(c, dir.resolve("cost-by-role.png"));
        return "cost-by-role.png";
    }

    /** The site whose wall time is the median of its workflow's passing sites. */
    static SiteRun typical(String workflow, List<SiteRun> runs) {
        List<SiteRun> ok = runs.stream().filter(r -> r.workflow().equals(workflow) && r.ok())
                .sorted(Comparator.comparingLong((SiteRun r) -> r.report().totals().wallMs()).thenComparing(SiteRun::profile)).toList();
        return ok.isEmpty() ? null : ok.get((ok.size() - 1) / 2);
    }

    private String waterfall(String workflow, List<SiteRun> runs, Path dir) {
        SiteRun site = typical(workflow, runs);
        if (site == null) return null;
        SiteReport r = site.report();
        List<StepSpan> steps = r.steps().stream().sorted(Comparator.comparingLong(StepSpan::startMs)).toList();
        XYChart c = new XYChartBuilder().width(1000).height(140 + 46 * steps.size())
                .title("Latency waterfall: " + workflow + ", typical site (" + site.profile() + ")" + tag)
                .xAxisTitle("ms since the run started" + (tag.isEmpty() ? "" : " (simulated, scaled)")).yAxisTitle("").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        int n = steps.size();
        boolean simulated = !tag.isEmpty();
        double maxX = timeAxisEnd(steps, simulated);
        boolean anyRealTime = steps.stream().anyMatch(st -> realTime(st, simulated));
        if (anyRealTime) c.getStyler().setXAxisMax(1.45 * maxX);
        // Step names sit in a gutter left of zero: XChart cannot label a numeric axis with names.
        c.getStyler().setYAxisMin(-0.6).setYAxisMax(n - 0.4);
        c.getStyler().setXAxisMin(-0.2 * maxX);
        c.getStyler().setYAxisTicksVisible(false);
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        c.getStyler().setxAxisTickLabelsFormattingFunction(v -> v < 0 ? " " : String.format(Locale.ROOT, "%,.0f", v));
        c.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        for (int i = 0; i < n; i++) c.addAnnotation(new AnnotationText(steps.get(i).id(), -0.1 * maxX, n - 1 - i, false));
        int callNo = 0; // series names must be unique
        for (int i = 0; i < n; i++) {
            StepSpan s = steps.get(i);
            double y = n - 1 - i;
            if (realTime(s, simulated)) {
                // QA's checks ran for real, unscaled: on the scaled axis they would dwarf the simulated calls,
                // so they are drawn apart, as a short grey mark labelled with their real duration
                XYSeries apart = c.addSeries(s.id() + " (real time)", new double[] {s.startMs(), s.startMs() + 0.06 * maxX}, new double[] {y, y});
                apart.setMarker(SeriesMarkers.NONE);
                apart.setLineColor(new Color(0xBDBDBD));
                apart.setLineStyle(new BasicStroke(22f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
                apart.setLabel("step without model calls: real time, not scaled (drawn apart)");
                apart.setShowInLegend(s == steps.stream().filter(st -> realTime(st, simulated)).findFirst().orElse(null));
                c.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "%,d ms real time, not to scale", s.durationMs()),
                        s.startMs() + 0.27 * maxX, y, false));
                continue;
            }
            XYSeries step = c.addSeries(s.id() + " (step)", new double[] {s.startMs(), Math.max(s.endMs(), s.startMs() + 1)}, new double[] {y, y});
            step.setMarker(SeriesMarkers.NONE);
            step.setLineColor(new Color(0xC6DBEF));
            step.setLineStyle(new BasicStroke(22f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            step.setShowInLegend(i == 0);
            if (i == 0) step.setLabel("step (incl. orchestration)");
            boolean first = true;
            for (var call : s.calls()) {
                XYSeries cs = c.addSeries(s.id() + " call " + (++callNo),
                        new double[] {call.startMs(), Math.max(call.startMs() + call.durationMs(), call.startMs() + 1)}, new double[] {y, y});
                cs.setMarker(SeriesMarkers.NONE);
                cs.setLineColor(new Color(0x1F77B4));
                cs.setLineStyle(new BasicStroke(10f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                cs.setShowInLegend(i == firstWithCalls(steps) && first);
                if (i == firstWithCalls(steps) && first) cs.setLabel("model calls");
                first = false;
            }
        }
        String file = "waterfall-" + Comparison.slug(workflow) + ".png";
        Charts.save(c, dir.resolve(file));
        return file;
    }

    /**
     * Where the waterfall's time axis ends: the last step's end, except on a SIMULATION, where steps
     * without model calls (QA's checks) ran in real time, not scaled like the replayed calls, and are
     * drawn apart instead of stretching the axis.
     */
    static double timeAxisEnd(List<StepSpan> steps, boolean simulated) {
        return Math.max(1, steps.stream().filter(s -> !realTime(s, simulated)).mapToLong(StepSpan::endMs).max().orElse(1));
    }

    /** A step whose time is real while the rest of a simulated run is scaled: it made no (replayed) model call. */
    static boolean realTime(StepSpan s, boolean simulated) {
        return simulated && s.calls().isEmpty();
    }

    private static int firstWithCalls(List<StepSpan> steps) {
        for (int i = 0; i < steps.size(); i++) if (!steps.get(i).calls().isEmpty()) return i;
        return -1;
    }

    private String overheadVsK(CompareReport report, Path dir) {
        CompareReport.Fit f = report.carriedTokensFit();
        String title = "Coordination overhead vs k" + (f.fit() == null ? " (points only: too few distinct k to fit an exponent)" : "") + tag;
        XYChart c = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("k (model steps)").yAxisTitle("tokens carried between steps, per site").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(LegendPosition.InsideNW);
        c.getStyler().setMarkerSize(10);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setYAxisMin(0.0);
        double maxK = 1;
        for (WorkflowStats w : report.workflows()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            report.sites().stream().filter(s -> s.workflow().equals(w.workflow()) && "ok".equals(s.status()) && s.k() != null)
                    .forEach(s -> {
                        x.add(s.k().doubleValue());
                        y.add(s.carriedTokens().doubleValue());
                    });
            if (x.isEmpty()) continue;
            maxK = Math.max(maxK, x.stream().mapToDouble(Double::doubleValue).max().orElse(1));
            XYSeries s = c.addSeries(w.workflow(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        if (f.fit() != null) {
            PowerLawFit p = f.fit();
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (double k = 1; k <= maxK + 1e-9; k += Math.max(0.05, maxK / 100)) {
                x.add(k);
                y.add(p.at(k));
            }
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "fit %.0f·k^%.2f (R²=%.2f)", p.b(), p.m(), p.r2()), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.DARK_GRAY);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        }
        if (c.getSeriesMap().isEmpty()) c.addSeries("no passing sites", List.of(0.0), List.of(0.0));
        Charts.save(c, dir.resolve("overhead-vs-k.png"));
        return "overhead-vs-k.png";
    }
}
