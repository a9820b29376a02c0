package ai.atelier.workflow;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.TokenCounter;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One site generation, the self-contained unit of work: (profile, company, retriever, workflow)
 * in, a site folder with report.json out. It holds no state between runs, so a batch engine or the
 * server can run many at once. The report is written whether the run succeeds or fails.
 */
public final class SiteGeneration {
    private final Orchestrator orchestrator;
    private final Crew crew;
    private final StepPricer pricer;
    private final ReviseLoop revise;

    public SiteGeneration(Orchestrator orchestrator, Crew crew) {
        this(orchestrator, crew, StepPricer.NONE);
    }

    /** With a pricer, every step also gets a cost estimate on the models the pricer's config binds to its role. */
    public SiteGeneration(Orchestrator orchestrator, Crew crew, StepPricer pricer) {
        this(orchestrator, crew, pricer, new ReviseLoop(orchestrator, 0, false, Escalation.NONE));
    }

    /** With a pricer and the revise loop that sends failing pages back to the steps that own the failures. */
    public SiteGeneration(Orchestrator orchestrator, Crew crew, StepPricer pricer, ReviseLoop revise) {
        this.orchestrator = orchestrator;
        this.crew = crew;
        this.pricer = pricer;
        this.revise = revise;
    }

    public record Request(String siteId, Profile profile, Company company, Retriever retriever, WorkflowDefinition workflow, Path outDir) {}

    public record Result(Path dir, SiteReport report) {
        public boolean ok() {
            return SiteReport.OK.equals(report.status());
        }
    }

    public Result run(Request req, RunListener listener) {
        SiteFolder folder = new SiteFolder(req.outDir());
        folder.writeJson(RunManifest.FILE, RunManifest.of(req));
        SiteState state = new SiteState(req.profile(), req.company(), req.retriever(), folder);
        return finish(req, state, orchestrator.run(req.workflow(), crew, state, listener), folder, listener);
    }

    /**
     * Runs a failed or interrupted generation again in its own folder: every step that finished
     * before (per the earlier report.json) and whose outputs are still in the folder is restored
     * and kept; the rest run. Steps after a re-run step run again too.
     */
    public Result resume(Request req, RunListener listener) {
        SiteFolder folder = new SiteFolder(req.outDir());
        SiteReport previous;
        try {
            previous = folder.readJson("report.json", SiteReport.class);
        } catch (java.io.UncheckedIOException e) {
            previous = null; // an unreadable earlier report only means every step runs again
        }
        SiteState state = new SiteState(req.profile(), req.company(), req.retriever(), folder);
        state.imageExtension(crew.imageExtensionFor(req.workflow()));
        Map<String, StepSpan> earlier = new LinkedHashMap<>();
        if (previous != null) previous.steps().forEach(s -> earlier.put(s.id(), s));
        Map<String, StepSpan> kept = new LinkedHashMap<>();
        for (StepDefinition step : req.workflow().ordered()) {
            StepSpan before = earlier.get(step.id());
            boolean depsKept = kept.keySet().containsAll(step.after());
            if (before != null && before.ok() && depsKept && crew.restore(step, state)) kept.put(step.id(), before);
        }
        return finish(req, state, orchestrator.run(req.workflow(), crew, state, listener, kept, Map.of()), folder, listener);
    }

    private Result finish(Request req, SiteState state, Orchestrator.Trace first, SiteFolder folder, RunListener listener) {
        ReviseLoop.Outcome rounds = revise.revise(req.workflow(), crew, state, first, listener);
        SiteReport report = report(req, state, first, rounds, folder, pricer, crew.engines().simulation().orElse(null));
        folder.writeJson("report.json", report);
        return new Result(folder.root(), report);
    }

    /**
     * The part of a step that is work rather than coordination: time inside model calls for a
     * model step, the whole duration for a step with no model (QA's checks).
     */
    private static long workMs(StepSpan s) {
        return s.calls().isEmpty() ? s.durationMs() : s.callMs();
    }

    /** Known cost per role over every call of the run; null for a role with any call of unknown price. */
    static Map<String, Double> costByRole(List<StepSpan> spans) {
        Map<String, Long> tenthMicros = new java.util.TreeMap<>();
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        for (StepSpan s : spans) {
            for (var c : s.calls()) {
                String role = c.role() != null ? c.role() : s.role();
                if (c.costUsd() == null) unknown.add(role);
                else tenthMicros.merge(role, Math.round(c.costUsd() * 1e7), Long::sum);
            }
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        tenthMicros.forEach((r, v) -> out.put(r, v / 1e7));
        unknown.forEach(r -> out.put(r, null));
        return out;
    }

    private static SiteReport report(Request req, SiteState state, Orchestrator.Trace first, ReviseLoop.Outcome rounds, SiteFolder folder,
                                     StepPricer pricer, String simulation) {
        List<StepSpan> all = new java.util.ArrayList<>(first.spans());
        all.addAll(rounds.spans());
        List<StepSpan> spans = all.stream().map(s -> s.withEstimate(pricer.estimate(s))).toList();
        long wallMs = first.wallMs() + rounds.wallMs();
        Orchestrator.Trace trace = rounds.failedStep() == null ? first
                : new Orchestrator.Trace(spans, wallMs, rounds.failedStep(), rounds.error());
        Double estimate = pricer == StepPricer.NONE ? null : 0.0;
        long carried = 0;
        Double cost = 0.0;
        long in = 0, out = 0;
        int modelSteps = 0, calls = 0;
        boolean estimated = false;
        for (StepSpan s : spans) {
            in += s.inputTokens();
            out += s.outputTokens();
            estimated |= s.tokensEstimated();
            cost = cost == null || s.costUsd() == null ? null : cost + s.costUsd();
            estimate = estimate == null || s.estimatedCostUsd() == null ? null : estimate + s.estimatedCostUsd();
            carried += s.carriedTokens();
            if (!s.calls().isEmpty()) modelSteps++;
            calls += s.calls().size();
        }
        var quality = state.quality();
        String status = trace.ok() && quality != null && quality.passed() ? SiteReport.OK : SiteReport.FAILED;
        String error = trace.error();
        if (trace.ok() && quality != null && !quality.passed()) {
            error = "quality gate failed: " + String.join(", ", java.util.stream.Stream.concat(quality.blockingFailures().stream().map(c -> c.name()),
                    quality.failedSubscores().stream().map(x -> x.name() + " sub-score " + x.score() + " < " + (int) x.threshold())).toList());
        }
        Map<String, SiteReport.Sources> provenance = new LinkedHashMap<>();
        if (state.hasSpec()) {
            WebsiteSpec spec = state.spec();
            spec.sections().forEach(s -> provenance.put(s.id(), SiteReport.Sources.of(s.sources())));
        }
        return new SiteReport(req.siteId(), req.workflow().name(), status, trace.failedStep(), error,
                req.profile().id(), req.company().info().name(), Instant.now().toString(),
                estimated ? "estimated with the " + TokenCounter.TOKENIZER + " tokenizer over each step's prompt and output" : "provider usage",
                spans,
                new SiteReport.Totals(cost, in, out, wallMs, CriticalPath.of(req.workflow(), first.spans()) + rounds.criticalPathMs(),
                        spans.size(), modelSteps, calls, carried,
                        Math.max(0, wallMs - CriticalPath.of(req.workflow(), first.spans(), SiteGeneration::workMs) - rounds.criticalPathMs()),
                        estimate == null ? null : Math.round(estimate * 1e7) / 1e7),
                quality, provenance, folder.files(), pricer.basis(), simulation, costByRole(spans), rounds.revisions());
    }
}
