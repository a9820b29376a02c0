package ai.atelier.economics;

import ai.atelier.workflow.SiteReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * report.json of a comparison: one row per workflow, the fit of coordination overhead against k,
 * and one line per site. {@code simulation} is set whenever the runs used a simulated engine;
 * {@code costEstimate} says what the estimated costs assume.
 */
public record CompareReport(
        String createdAt,
        String simulation,
        String costEstimate,
        int profiles,
        List<WorkflowStats> workflows,
        Fit carriedTokensFit,
        Fit orchestrationMsFit,
        List<SiteLine> sites) {

    /** A fit of one overhead measure against k, or why there is none. */
    public record Fit(String measure, PowerLawFit fit, String note) {}

    /** One site in brief; {@code report} is its report.json relative to the comparison folder. */
    public record SiteLine(String profile, String workflow, String status, Integer qaScore, Double costUsd, Double estimatedCostUsd,
                           Long wallMs, Long criticalPathMs, Integer k, Long carriedTokens, Long orchestrationMs, String report, String error) {}

    public static CompareReport of(List<SiteRun> runs, List<String> workflowOrder, String simulation, String costEstimate,
                                   java.nio.file.Path outDir) {
        Map<String, List<SiteRun>> byWf = new LinkedHashMap<>();
        workflowOrder.forEach(w -> byWf.put(w, new ArrayList<>()));
        runs.forEach(r -> byWf.computeIfAbsent(r.workflow(), k -> new ArrayList<>()).add(r));
        List<WorkflowStats> stats = byWf.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> WorkflowStats.of(e.getKey(), e.getValue())).toList();
        List<PowerLawFit.Point> carried = new ArrayList<>(), orchestration = new ArrayList<>();
        List<SiteLine> lines = new ArrayList<>();
        for (SiteRun r : runs) {
            SiteReport rep = r.report();
            if (rep == null) {
                lines.add(new SiteLine(r.profile(), r.workflow(), "crashed", null, null, null, null, null, r.k(), null, null, null, r.error()));
                continue;
            }
            var t = rep.totals();
            if (r.ok()) {
                carried.add(new PowerLawFit.Point(r.k(), t.carriedTokens()));
                orchestration.add(new PowerLawFit.Point(r.k(), t.orchestrationMs()));
            }
            lines.add(new SiteLine(r.profile(), r.workflow(), rep.status(), rep.quality() == null ? null : rep.quality().score(), t.costUsd(),
                    t.estimatedCostUsd(), t.wallMs(), t.criticalPathMs(), r.k(), t.carriedTokens(), t.orchestrationMs(),
                    outDir.toAbsolutePath().relativize(r.dir().resolve("report.json").toAbsolutePath()).toString(), rep.error()));
        }
        lines.sort(Comparator.comparing(SiteLine::workflow).thenComparing(SiteLine::profile));
        long profiles = runs.stream().map(SiteRun::profile).filter(Objects::nonNull).distinct().count();
        return new CompareReport(Instant.now().toString(), simulation, costEstimate, (int) profiles, stats,
                fit("carried tokens per site", carried), fit("orchestration ms per site", orchestration), lines);
    }

    private static Fit fit(String measure, List<PowerLawFit.Point> points) {
        PowerLawFit f = PowerLawFit.fit(points);
        if (f == null) {
            var ks = PowerLawFit.distinctK(points).stream().map(k -> String.valueOf(Math.round(k))).toList();
            return new Fit(measure, null, "no exponent can be fitted: the passing sites with a positive overhead have "
                    + (ks.isEmpty() ? "no value of k" : ks.size() == 1 ? "only k = " + ks.get(0) : "only k = " + String.join(" and ", ks))
                    + ", and a power law needs at least " + PowerLawFit.MIN_DISTINCT_K + " distinct k ("
                    + (ks.contains("8") ? "add a workflow YAML at another k" : "add a workflow with another k, e.g. fine-grained-lean at k = 8")
                    + "); the points are shown");
        }
        String note = f.excluded() > 0 ? f.excluded() + " site(s) with zero overhead (e.g. k = 1, where nothing is handed over) cannot be log-fitted and are left out" : null;
        return new Fit(measure, f, note);
    }
}
