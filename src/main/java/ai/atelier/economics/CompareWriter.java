package ai.atelier.economics;

import ai.atelier.economics.Stats.Summary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison's report.json, report.md and charts into its folder, and renders the
 * summary table the CLI prints. A simulated comparison says so at the top of every output.
 */
public final class CompareWriter {
    private static final ObjectMapper JSON = ai.atelier.model.Money.json(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes everything; returns the chart files written. */
    public List<String> write(CompareReport report, List<SiteRun> runs, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("report.json"), JSON.writeValueAsBytes(report));
            List<String> charts = new CompareCharts(report.simulation()).write(report, runs, dir);
            Files.writeString(dir.resolve("report.md"), markdown(report, charts), StandardCharsets.UTF_8);
            return charts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir, e);
        }
    }

    /** The headline table: one row per workflow. */
    public static String table(CompareReport r) {
        StringBuilder b = new StringBuilder();
        b.append("| workflow | k | sites | cost/site mean · p50 · p95 (USD) | estimated cost/site mean · p50 · p95 (USD) | tokens in · out (mean) "
                + "| wall p50 · p95 (ms) | critical path p50 · p95 (ms) | QA mean · min | failure · repair · escalation "
                + "| carried tokens (mean, share of input) | orchestration ms (mean) |\n");
        b.append("|---|---:|---:|---|---|---|---|---|---|---|---|---:|\n");
        for (WorkflowStats w : r.workflows()) {
            b.append("| ").append(w.workflow()).append(" | ").append(w.k()).append(" | ").append(w.sites())
                    .append(" | ").append(money(w.costUsd())).append(" | ").append(w.estimatedCostUsd().n() == 0 ? "—" : money(w.estimatedCostUsd()))
                    .append(" | ").append(num(w.inputTokens().mean())).append(" · ").append(num(w.outputTokens().mean()))
                    .append(" | ").append(num(w.wallMs().p50())).append(" · ").append(num(w.wallMs().p95()))
                    .append(" | ").append(num(w.criticalPathMs().p50())).append(" · ").append(num(w.criticalPathMs().p95()))
                    .append(" | ").append(num(w.qaMean())).append(" · ").append(num(w.qaMin()))
                    .append(" | ").append(pct(w.failureRate())).append(" · ").append(pct(w.repairRate())).append(" · ").append(pct(w.escalationRate()))
                    .append(" | ").append(num(w.carriedTokens().mean())).append(" (")
                    .append(w.carriedShareOfInput() == null ? "n/a" : pct(w.carriedShareOfInput())).append(")")
                    .append(" | ").append(num(w.orchestrationMs().mean())).append(" |\n");
        }
        return b.toString();
    }

    /** The fit lines, one per overhead measure. */
    public static String fits(CompareReport r) {
        return fitLine(r.carriedTokensFit()) + "\n" + fitLine(r.orchestrationMsFit()) + "\n";
    }

    /** "ESTIMATE: what it assumes", said once (the basis text itself starts with "estimate: "). */
    public static String estimateNote(String basis) {
        String b = basis == null ? "" : basis.strip();
        if (b.regionMatches(true, 0, "estimate:", 0, "estimate:".length())) b = b.substring("estimate:".length()).strip();
        return "ESTIMATE: " + b;
    }

    /** Whether any site of the comparison has a cost estimate (some call was answered by a stand-in and priced as if on a model). */
    public static boolean hasEstimates(CompareReport r) {
        return r.workflows().stream().anyMatch(w -> w.estimatedCostUsd().n() > 0);
    }

    /**
     * The line under the table about estimated costs: what they assume, where some exist; else that
     * every cost is measured ("—" in the estimated column).
     */
    public static String costNote(CompareReport r) {
        return hasEstimates(r) ? "Estimated costs are an " + estimateNote(r.costEstimate()) + "."
                : "Every cost is measured from the providers' usage: no call was answered by a stand-in, so there is no estimate (—).";
    }

    private static String fitLine(CompareReport.Fit f) {
        if (f.fit() == null) return "- " + f.measure() + ": " + f.note();
        PowerLawFit p = f.fit();
        return String.format(Locale.ROOT, "- %s ≈ %.4g · k^%.3f  (m = %.3f, R² = %.3f in log-log space, %d sites)%s", f.measure(), p.b(), p.m(), p.m(),
                p.r2(), p.n(), f.note() == null ? "" : "; " + f.note());
    }

    private static String markdown(CompareReport r, List<String> charts) {
        StringBuilder b = new StringBuilder("# Workflow comparison\n\n");
        if (r.simulation() != null) b.append("> **").append(r.simulation()).append("** Latencies and token counts are simulated; "
                + "page content and QA are real.\n\n");
        b.append(r.profiles()).append(" visitor profiles × ").append(r.workflows().size()).append(" workflows, made ").append(r.createdAt()).append(".\n\n");
        b.append(table(r)).append('\n');
        b.append("QA sub-scores (mean; the score above is their weighted mean, see docs/quality.md):\n\n");
        for (WorkflowStats w : r.workflows()) {
            b.append("- ").append(w.workflow()).append(": ");
            w.subscoreMeans().forEach((k, v) -> b.append(k).append(' ').append(num(v)).append("  "));
            if (w.reviewerMean() != null) b.append("| reviewer model (advisory, apart) ").append(num(w.reviewerMean()));
            b.append('\n');
        }
        b.append('\n');
        if (hasEstimates(r)) b.append("Costs: \"cost\" is measured (0 on the built-in engine); \"estimated cost\" is an ").append(estimateNote(r.costEstimate())).append(".\n\n");
        else b.append("Costs: every cost is measured; no call was estimated.\n\n");
        b.append("## Coordination overhead against k\n\n").append(fits(r)).append('\n');
        b.append("""
                Definitions. **k** is the number of steps that call a model (or the engine standing in for one).
                **Carried tokens** count, with the o200k_base tokenizer, the part of each prompt that is another step's
                output (the spec, the image descriptions, section drafts, the finished page), once per call that sends it.
                **Orchestration time** is a site's wall time minus the work on its critical path, the longest chain of
                dependent steps with each model step weighted by the time inside its model calls (and a step without a
                model, QA's checks, by its whole duration): what is left is prompt rendering, parsing, hand-offs,
                scheduling gaps and file writes. **Failure** = sites that did not pass; **repair** = model steps
                that needed another attempt or a repair round; **escalation** = calls answered by a model other than the
                one the step was bound to. Percentiles interpolate linearly between order statistics.

                """);
        b.append("## Charts\n\n");
        for (String c : charts) b.append("![").append(c).append("](").append(c).append(")\n\n");
        b.append("## Sites\n\n| workflow | profile | status | QA | cost (USD) | est. cost (USD) | wall (ms) | k | carried tokens | report |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (CompareReport.SiteLine s : r.sites()) {
            b.append("| ").append(s.workflow()).append(" | ").append(s.profile()).append(" | ").append(s.status()).append(" | ")
                    .append(s.qaScore() == null ? "" : s.qaScore()).append(" | ").append(usd(s.costUsd())).append(" | ").append(s.estimatedCostUsd() == null && !hasEstimates(r) ? "—" : usd(s.estimatedCostUsd()))
                    .append(" | ").append(s.wallMs() == null ? "" : s.wallMs()).append(" | ").append(s.k() == null ? "" : s.k()).append(" | ")
                    .append(s.carriedTokens() == null ? "" : s.carriedTokens()).append(" | ")
                    .append(s.report() == null ? s.error() : "[report.json](" + s.report() + ")").append(" |\n");
        }
        return b.toString();
    }

    /** A measured cost; null means some call had no known price. */
    private static String usd(Double d) {
        return d == null ? "unknown" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static String money(Summary s) {
        if (s.n() == 0) return "unknown";
        return String.format(Locale.ROOT, "%.6f · %.6f · %.6f", s.mean(), s.p50(), s.p95());
    }

    private static String num(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f", d);
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.0f%%", d * 100);
    }
}
