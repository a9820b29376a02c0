package ai.atelier.bench;

import ai.atelier.Atelier;
import ai.atelier.economics.ReplayEngines;
import ai.atelier.economics.ReplayProfile;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.Profile;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import ai.atelier.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 1, a SIMULATION: the personas workflow on the latency replay of the AWS reference run
 * (every model call waits the profile's latency times the scale). Shows whether independent steps
 * really overlap: wall time against the critical path (what unlimited parallelism allows) and
 * against the sequential sums (steps one after another; every call one after another, as the
 * reference notebook drew its images).
 */
final class ParallelLatencyBench {
    private ParallelLatencyBench() {}

    static Map<String, Object> run(Path scratch, double scale, int warmup, int runs) throws Exception {
        ReplayProfile profile = ReplayProfile.load(ReplayProfile.BUNDLED);
        ReplayEngines engines = new ReplayEngines(new BuiltinEngines(), profile, scale);
        List<Double> wall = new ArrayList<>(), critical = new ArrayList<>(), stepSum = new ArrayList<>(), callSum = new ArrayList<>();
        List<Double> wallOverCritical = new ArrayList<>(), wallOverStepSum = new ArrayList<>(), wallOverCallSum = new ArrayList<>();
        Map<String, List<Double>> perStep = new LinkedHashMap<>();
        String label;
        try (Atelier atelier = Atelier.builder().engines(engines).qa(BenchInputs.qaWithoutBrowser()).company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            atelier.retriever(ai.atelier.knowledge.IngestListener.SILENT);
            List<Profile> profiles = BenchInputs.profiles();
            label = engines.simulation().orElseThrow();
            for (int i = 0; i < warmup + runs; i++) {
                Path dir = scratch.resolve("latency-" + i);
                ai.atelier.SiteResult res = atelier.generate(new ai.atelier.SiteJob(profiles.get(i % profiles.size()), "personas", ai.atelier.SiteJob.Options.in(dir), "latency-" + i), RunListener.NONE);
                SiteReport rep = res.report();
                if (!res.ok()) throw new IllegalStateException("latency bench: site failed: " + rep.error());
                BenchInputs.delete(dir);
                if (i < warmup) continue;
                double w = rep.totals().wallMs(), cp = rep.totals().criticalPathMs();
                double steps = rep.steps().stream().mapToLong(StepSpan::durationMs).sum();
                // Every model call one after another (QA has none: its whole step counts).
                double calls = rep.steps().stream().mapToLong(s -> s.calls().isEmpty() ? s.durationMs()
                        : s.calls().stream().mapToLong(k -> k.durationMs()).sum()).sum();
                wall.add(w);
                critical.add(cp);
                stepSum.add(steps);
                callSum.add(calls);
                wallOverCritical.add(w / cp);
                wallOverStepSum.add(w / steps);
                wallOverCallSum.add(w / calls);
                rep.steps().forEach(s -> perStep.computeIfAbsent(s.id(), k -> new ArrayList<>()).add((double) s.durationMs()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulation", label);
        m.put("timeScale", scale);
        m.put("runs", runs);
        m.put("wallMsMedian", Stats.round(Stats.median(wall)));
        m.put("criticalPathMsMedian", Stats.round(Stats.median(critical)));
        m.put("sumOfStepsMsMedian", Stats.round(Stats.median(stepSum)));
        m.put("sumOfCallsMsMedian", Stats.round(Stats.median(callSum)));
        m.put("wallOverCriticalPathMedian", round3(Stats.median(wallOverCritical)));
        m.put("wallOverCriticalPathMax", round3(Stats.percentile(wallOverCritical, 100)));
        m.put("wallOverSumOfStepsMedian", round3(Stats.median(wallOverStepSum)));
        m.put("wallOverSumOfCallsMedian", round3(Stats.median(wallOverCallSum)));
        Map<String, Object> steps = new LinkedHashMap<>();
        perStep.forEach((k, v) -> steps.put(k, Stats.round(Stats.median(v))));
        m.put("stepMsMedian", steps);
        return m;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
