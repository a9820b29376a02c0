package ai.atelier.workflow;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.TokenCounter;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.telemetry.SiteTrace;
import ai.atelier.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One site generation, the self-contained unit of work: (profile, company, retriever, workflow)
 * in, a site folder with report.json out. It holds no state between runs, so a batch engine or the
 * server can run many at once. The report is written whether the run succeeds or fails. With
 * telemetry on, the run is one workflow span (the parent of its steps' agent spans) and each
 * knowledge search a retrieval span.
 */
public final class SiteGeneration {
    private final Orchestrator orchestrator;
    private final Crew crew;
    private final StepPricer pricer;
    private final ReviseLoop revise;
    private final Telemetry telemetry;
    private volatile RunManifest.Bindings bindings;

    public SiteGeneration(Orchestrator orchestrator, Crew crew) {
        this(orchestrator, crew, StepPricer.NONE);
    }

    /** With a pricer, every step also gets a cost estimate on the models the pricer's config binds to its role. */
    public SiteGeneration(Orchestrator orchestrator, Crew crew, StepPricer pricer) {
        this(orchestrator, crew, pricer, new ReviseLoop(orchestrator, 0, false, Promotion.NONE));
    }

    /** With a pricer and the revise loop that sends failing pages back to the steps that own the failures. */
    public SiteGeneration(Orchestrator orchestrator, Crew crew, StepPricer pricer, ReviseLoop revise) {
        this(orchestrator, crew, pricer, revise, Telemetry.off(), RunManifest.Bindings.NONE);
    }

    /**
     * As above, with telemetry (a workflow span per site; give the orchestrator the same telemetry for
     * its agent spans) and the model bindings recorded in each run's run.json, so a resume can use (or
     * refuse) them.
     */
    public SiteGeneration(Orchestrator orchestrator, Crew crew, StepPricer pricer, ReviseLoop revise, Telemetry telemetry,
            RunManifest.Bindings bindings) {
        this.bindings = bindings;
        this.orchestrator = orchestrator;
        this.crew = crew;
        this.pricer = pricer;
        this.revise = revise;
        this.telemetry = telemetry;
    }

    /** The model bindings run.json records from now on (the CLI knows which config file it loaded). */
    public void bind(RunManifest.Bindings b) {
        this.bindings = b == null ? RunManifest.Bindings.NONE : b;
    }

    public RunManifest.Bindings bindings() {
        return bindings;
    }

    public record Request(String siteId, Profile profile, Company company, Retriever retriever, WorkflowDefinition workflow, Path outDir) {}

    public record Result(Path dir, SiteReport report) {
        public boolean ok() {
            return SiteReport.OK.equals(report.status());
        }
    }

    public Result run(Request req, RunListener listener) {
        SiteTrace trace = telemetry.site(req.siteId(), req.workflow().name(), req.company().info().name());
        Result result = null;
        try (var current = trace.makeCurrent()) {
            SiteFolder folder = new SiteFolder(req.outDir());
            folder.writeJson(RunManifest.FILE, RunManifest.of(req, bindings, crew.engines()));
            SiteState state = new SiteState(req.profile(), req.company(), retriever(req), folder);
            StepJournal journal = StepJournal.start(folder);
            state.journal(journal);
            result = finish(req, state, orchestrator.run(req.workflow(), crew, state, listener), folder, listener, journal, List.of());
            return result;
        } finally {
            end(trace, result);
        }
    }

    private ai.atelier.knowledge.Retriever retriever(Request req) {
        return telemetry.retriever(req.retriever(), req.company().info().name());
    }

    private void end(SiteTrace trace, Result result) {
        if (!telemetry.enabled()) return;
        if (result == null) {
            trace.end(new SiteTrace.Outcome(SiteReport.FAILED, null, "the run stopped before writing its report", null, 0, 0, false,
                    null, null, 0));
            return;
        }
        SiteReport r = result.report();
        var q = r.quality();
        trace.end(new SiteTrace.Outcome(r.status(), r.failedStep(), r.error(), r.totals().costUsd(), r.totals().inputTokens(),
                r.totals().outputTokens(), r.steps().stream().anyMatch(StepSpan::tokensEstimated), q == null ? null : q.score(),
                q == null ? null : q.passed(), r.revisions() == null ? 0 : (int) r.revisions().stream().filter(v -> !Revision.SKIPPED.equals(v.outcome())).count()));
    }

    /**
     * Runs a failed or interrupted generation again in its own folder: every step that finished
     * before (per the folder's step journal, or an older folder's report.json) and whose outputs
     * are still in the folder is restored and kept; the rest run. Steps after a re-run step run
     * again too. Every earlier attempt the page no longer uses stays in the report, cost included.
     */
    public Result resume(Request req, RunListener listener) {
        SiteTrace trace = telemetry.site(req.siteId(), req.workflow().name(), req.company().info().name());
        Result result = null;
        try (var current = trace.makeCurrent()) {
            result = resumeTraced(req, listener);
            return result;
        } finally {
            end(trace, result);
        }
    }

    private Result resumeTraced(Request req, RunListener listener) {
        SiteFolder folder = new SiteFolder(req.outDir());
        StepJournal journal = StepJournal.resume(folder);
        SiteState state = new SiteState(req.profile(), req.company(), retriever(req), folder);
        crew.prepare(req.workflow(), state);
        Map<String, StepSpan> earlier = journal.lastOkBefore();
        Map<String, StepSpan> kept = new LinkedHashMap<>();
        for (StepDefinition step : req.workflow().ordered()) {
            StepSpan before = earlier.get(step.id());
            boolean depsKept = kept.keySet().containsAll(step.after());
            if (!depsKept) continue;
            Step kind = crew.step(step);
            if (before != null && kind.restore(state)) {
                kept.put(step.id(), before);
            } else if (before == null && kind.wholeOnDisk() && kind.restore(state)) {
                // its output is whole on disk (one atomic file) but its journal entry was lost: keep it, say so
                kept.put(step.id(), restored(step, crew.engines().modelFor(step.role())));
            }
        }
        List<StepSpan> earlierAttempts = journal.earlierAttemptsExcept(kept.values());
        state.journal(journal);
        return finish(req, state, orchestrator.run(req.workflow(), crew, state, listener, kept, Map.of()), folder, listener, journal, earlierAttempts);
    }

    private static StepSpan restored(StepDefinition step, String model) {
        return StepSpan.builder(step.id(), step.role(), step.persona(), model).attempts(1)
                .error("restored from the site folder; this step's calls were not recorded (the run was cut off before its journal entry was written)")
                .build();
    }

    private Result finish(Request req, SiteState state, Orchestrator.Trace first, SiteFolder folder, RunListener listener,
                          StepJournal journal, List<StepSpan> earlierAttempts) {
        ReviseLoop.Outcome rounds = revise.revise(req.workflow(), crew, state, first, listener);
        journal.end(first.wallMs() + rounds.wallMs());
        SiteReport report = report(req, state, first, rounds, folder, pricer, crew.engines().simulation().orElse(null),
                earlierAttempts, journal.earlierWallMs(), journal.sessions());
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
                                     StepPricer pricer, String simulation, List<StepSpan> earlierAttempts, long earlierWallMs, int sessions) {
        List<StepSpan> all = new java.util.ArrayList<>(first.spans());
        all.addAll(rounds.spans());
        List<StepSpan> spans = all.stream().map(s -> s.withEstimate(pricer.estimate(s))).toList();
        long wallMs = earlierWallMs + first.wallMs() + rounds.wallMs();
        Orchestrator.Trace trace = rounds.failedStep() == null ? first
                : new Orchestrator.Trace(spans, wallMs, rounds.failedStep(), rounds.error());
        Double estimate = pricer == StepPricer.NONE ? null : 0.0;
        boolean priced = false; // some call priced by estimate: else the run has measured costs only, and no estimate to show
        long carried = 0;
        Double cost = 0.0;
        long in = 0, out = 0;
        int modelSteps = 0, calls = 0;
        boolean estimated = false;
        int providerCalls = 0, estimatedCalls = 0;
        List<StepSpan> paid = new java.util.ArrayList<>(spans);
        paid.addAll(earlierAttempts);
        for (StepSpan s : earlierAttempts) {
            // an earlier attempt: counted in every total, but it is not one of the page's steps
            in += s.inputTokens();
            out += s.outputTokens();
            estimated |= s.tokensEstimated();
            cost = cost == null || s.costUsd() == null ? null : cost + s.costUsd();
            calls += s.calls().size();
            for (var c : s.calls()) {
                if (c.usage() == null || c.usage().total() == 0) continue;
                if (c.usage().estimated()) estimatedCalls++;
                else providerCalls++;
            }
        }
        for (StepSpan s : spans) {
            for (var c : s.calls()) {
                if (c.usage() == null || c.usage().total() == 0) continue; // failed before an answer: no tokens either way
                if (c.usage().estimated()) estimatedCalls++;
                else providerCalls++;
            }
            in += s.inputTokens();
            out += s.outputTokens();
            estimated |= s.tokensEstimated();
            cost = cost == null || s.costUsd() == null ? null : cost + s.costUsd();
            estimate = estimate == null || s.estimatedCostUsd() == null ? null : estimate + s.estimatedCostUsd();
            carried += s.carriedTokens();
            priced |= pricer.estimates(s);
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
        long criticalPath = CriticalPath.of(req.workflow(), first.spans()) + rounds.criticalPathMs();
        long orchestration = Math.max(0, wallMs - CriticalPath.of(req.workflow(), first.spans(), SiteGeneration::workMs) - rounds.criticalPathMs());
        return SiteReport.builder().siteId(req.siteId()).workflow(req.workflow().name()).status(status).failedStep(trace.failedStep()).error(error)
                .profileId(req.profile().id()).company(req.company().info().name()).createdAt(Instant.now().toString())
                .tokenSource(tokenSource(estimated, providerCalls, estimatedCalls))
                .steps(spans)
                .totals(new SiteReport.Totals(cost, in, out, wallMs, criticalPath, spans.size(), modelSteps, calls, carried, orchestration,
                        estimate == null || !priced ? null : Math.round(estimate * 1e7) / 1e7))
                .quality(quality).provenance(provenance).files(folder.files()).costEstimate(pricer.basis()).simulation(simulation)
                .costByRole(costByRole(paid)).revisions(rounds.revisions()).earlierAttempts(earlierAttempts).sessions(sessions)
                .build();
    }

    /**
     * Where the run's token counts come from, in words: all from providers' usage fields, all
     * estimated, or, in a mixed run, how many calls each ("provider usage for 5 calls, estimated
     * with the o200k_base tokenizer for 2").
     */
    static String tokenSource(boolean estimated, int providerCalls, int estimatedCalls) {
        if (providerCalls > 0 && estimatedCalls > 0) {
            return "provider usage for " + providerCalls + " call" + (providerCalls == 1 ? "" : "s") + ", estimated with the "
                    + TokenCounter.TOKENIZER + " tokenizer for " + estimatedCalls;
        }
        return estimated ? "estimated with the " + TokenCounter.TOKENIZER + " tokenizer over each step's prompt and output" : "provider usage";
    }
}
