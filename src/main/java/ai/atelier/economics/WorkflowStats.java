package ai.atelier.economics;

import ai.atelier.economics.Stats.Summary;
import ai.atelier.model.ModelCall;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One workflow's row of the comparison, over every site it made. Rates: failure = sites that did
 * not pass (a step failed or the quality gate did); repair = model steps that needed more than one
 * attempt or a repair round; escalation = model calls answered by a model other than the one the
 * step was bound to. Coordination overhead: tokens carried from step to step, and orchestration
 * time (wall minus the model time on the critical path). Costs by role are means per site.
 */
public record WorkflowStats(
        String workflow,
        int sites,
        int k,
        Summary costUsd,
        Summary estimatedCostUsd,
        Summary inputTokens,
        Summary outputTokens,
        Summary wallMs,
        Summary criticalPathMs,
        Double qaMean,
        Double qaMin,
        double failureRate,
        double repairRate,
        double escalationRate,
        Summary carriedTokens,
        Summary orchestrationMs,
        Double carriedShareOfInput,
        Map<String, Double> estimatedCostByRole,
        Map<String, Double> costByRole,
        Map<String, Double> subscoreMeans,
        Double reviewerMean) {

    /** Mean of each graded QA sub-score over the sites that have it (the deterministic ones; the reviewer model's is apart). */
    static Map<String, Double> subscoreMeans(List<SiteReport> reports) {
        Map<String, List<Integer>> by = new java.util.LinkedHashMap<>();
        for (SiteReport r : reports) {
            if (r.quality() == null) continue;
            r.quality().subscores().forEach(s -> {
                if (s.score() != null) by.computeIfAbsent(s.name(), k -> new java.util.ArrayList<>()).add(s.score());
            });
        }
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).average().orElse(0)));
        return out;
    }

    public static WorkflowStats of(String workflow, List<SiteRun> runs) {
        List<SiteReport> reports = runs.stream().map(SiteRun::report).filter(Objects::nonNull).toList();
        int failed = (int) runs.stream().filter(r -> !r.ok()).count();
        int modelSteps = 0, repaired = 0, calls = 0, escalated = 0;
        for (SiteReport r : reports) {
            for (StepSpan s : r.steps()) {
                if (s.calls().isEmpty()) continue;
                modelSteps++;
                if (s.attempts() > 1 || s.calls().stream().anyMatch(c -> c.purpose() != null && c.purpose().endsWith("(repair)"))) repaired++;
                for (ModelCall c : s.calls()) {
                    calls++;
                    if (c.model() != null && s.model() != null && !c.model().equals(s.model())) escalated++;
                }
            }
        }
        Double in = Stats.mean(values(reports, r -> r.totals().inputTokens()));
        Double carried = Stats.mean(values(reports, r -> r.totals().carriedTokens()));
        return new Builder(workflow, runs.size(), plannedK(runs, reports))
                .costs(Summary.of(values(reports, r -> r.totals().costUsd())), Summary.of(values(reports, r -> r.totals().estimatedCostUsd())))
                .costsByRole(byRole(reports, StepSpan::costUsd), byRole(reports, StepSpan::estimatedCostUsd))
                .tokens(Summary.of(values(reports, r -> r.totals().inputTokens())), Summary.of(values(reports, r -> r.totals().outputTokens())))
                .times(Summary.of(values(reports, r -> r.totals().wallMs())), Summary.of(values(reports, r -> r.totals().criticalPathMs())))
                .quality(Stats.mean(values(reports, r -> r.quality() == null ? null : r.quality().score())),
                        Stats.min(values(reports, r -> r.quality() == null ? null : r.quality().score())), subscoreMeans(reports),
                        Stats.mean(values(reports, r -> r.quality() == null || r.quality().review() == null ? null : r.quality().review().score())))
                .rates(runs.isEmpty() ? 0 : (double) failed / runs.size(), modelSteps == 0 ? 0 : (double) repaired / modelSteps,
                        calls == 0 ? 0 : (double) escalated / calls)
                .overhead(Summary.of(values(reports, r -> r.totals().carriedTokens())), Summary.of(values(reports, r -> r.totals().orchestrationMs())),
                        in == null || in == 0 || carried == null ? null : carried / in)
                .build();
    }

    /**
     * k: the workflow's model steps as planned (every site of one workflow has the same plan), not
     * those that happened to run; runs whose plan is unknown fall back to the median their reports counted.
     */
    static int plannedK(List<SiteRun> runs, List<SiteReport> reports) {
        int planned = runs.stream().mapToInt(SiteRun::k).max().orElse(0);
        if (planned > 0) return planned;
        List<Integer> ks = reports.stream().map(r -> r.totals().modelSteps()).sorted().toList();
        return ks.isEmpty() ? 0 : ks.get(ks.size() / 2);
    }

    /** Names the row's 21 fields in groups (costs, tokens, times, quality, rates, overhead) instead of by position. */
    static final class Builder {
        private final String workflow;
        private final int sites, k;
        private Summary costUsd = Summary.of(List.of()), estimatedCostUsd = Summary.of(List.of()), inputTokens = Summary.of(List.of()),
                outputTokens = Summary.of(List.of()), wallMs = Summary.of(List.of()), criticalPathMs = Summary.of(List.of()),
                carriedTokens = Summary.of(List.of()), orchestrationMs = Summary.of(List.of());
        private Double qaMean, qaMin, carriedShareOfInput, reviewerMean;
        private double failureRate, repairRate, escalationRate;
        private Map<String, Double> estimatedCostByRole = Map.of(), costByRole = Map.of(), subscoreMeans = Map.of();

        Builder(String workflow, int sites, int k) {
            this.workflow = workflow;
            this.sites = sites;
            this.k = k;
        }

        Builder costs(Summary measured, Summary estimated) {
            this.costUsd = measured;
            this.estimatedCostUsd = estimated;
            return this;
        }

        Builder costsByRole(Map<String, Double> measured, Map<String, Double> estimated) {
            this.costByRole = measured;
            this.estimatedCostByRole = estimated;
            return this;
        }

        Builder tokens(Summary input, Summary output) {
            this.inputTokens = input;
            this.outputTokens = output;
            return this;
        }

        Builder times(Summary wall, Summary criticalPath) {
            this.wallMs = wall;
            this.criticalPathMs = criticalPath;
            return this;
        }

        Builder quality(Double mean, Double min, Map<String, Double> subscores, Double reviewer) {
            this.qaMean = mean;
            this.qaMin = min;
            this.subscoreMeans = subscores;
            this.reviewerMean = reviewer;
            return this;
        }

        Builder rates(double failure, double repair, double escalation) {
            this.failureRate = failure;
            this.repairRate = repair;
            this.escalationRate = escalation;
            return this;
        }

        Builder overhead(Summary carried, Summary orchestration, Double carriedShare) {
            this.carriedTokens = carried;
            this.orchestrationMs = orchestration;
            this.carriedShareOfInput = carriedShare;
            return this;
        }

        WorkflowStats build() {
            return new WorkflowStats(workflow, sites, k, costUsd, estimatedCostUsd, inputTokens, outputTokens, wallMs, criticalPathMs, qaMean, qaMin,
                    failureRate, repairRate, escalationRate, carriedTokens, orchestrationMs, carriedShareOfInput, estimatedCostByRole, costByRole,
                    subscoreMeans, reviewerMean);
        }
    }

    private static List<Number> values(List<SiteReport> reports, Function<SiteReport, Number> f) {
        List<Number> out = new ArrayList<>();
        reports.forEach(r -> out.add(f.apply(r)));
        return out;
    }

    /** Mean per site of each role's cost; a role whose cost is unknown in any site is left out. */
    private static Map<String, Double> byRole(List<SiteReport> reports, Function<StepSpan, Double> cost) {
        Map<String, Double> sum = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (SiteReport r : reports) {
            for (StepSpan s : r.steps()) {
                if (s.calls().isEmpty()) continue;
                Double c = cost.apply(s);
                if (c == null) unknown.add(s.role());
                else sum.merge(s.role(), c, Double::sum);
            }
        }
        unknown.forEach(sum::remove);
        sum.replaceAll((k, v) -> reports.isEmpty() ? 0 : v / reports.size());
        return sum;
    }
}
