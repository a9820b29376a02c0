package ai.atelier.workflow;

import ai.atelier.model.CallMeter;
import ai.atelier.model.CostLedger;
import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.TokenUsage;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompts;
import ai.atelier.telemetry.StepTrace;
import ai.atelier.telemetry.Telemetry;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a workflow DAG over one {@link SiteState}: each step starts as soon as the steps it follows
 * have finished, so independent steps overlap; each runs under its time limit (cancelled, not
 * abandoned, when over); each leaves a {@link StepSpan}. After the first failure no new step
 * starts, running ones finish, and the rest are marked skipped, so what was done is kept.
 * With telemetry on, each step is an agent span, a child of the context {@code run} was called in
 * (passed explicitly: steps run on pool threads), and its fan-out keeps that parent.
 */
public final class Orchestrator {
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Prompts prompts;
    private final TokenCounter tokens;
    private final Telemetry telemetry;
    private final ExecutorService fanOut;

    public Orchestrator(ExecutorService workers, ScheduledExecutorService timer, Prompts prompts, TokenCounter tokens) {
        this(workers, timer, prompts, tokens, Telemetry.off());
    }

    /** With telemetry: an agent span per step, and fan-out tasks that keep their step's span as parent. */
    public Orchestrator(ExecutorService workers, ScheduledExecutorService timer, Prompts prompts, TokenCounter tokens, Telemetry telemetry) {
        this.workers = workers;
        this.timer = timer;
        this.prompts = prompts;
        this.tokens = tokens;
        this.telemetry = telemetry;
        this.fanOut = telemetry.propagating(workers);
    }

    /** The outcome of a run: spans in workflow order, wall time, and the first failed step if any. */
    public record Trace(List<StepSpan> spans, long wallMs, String failedStep, String error) {
        public boolean ok() {
            return failedStep == null;
        }
    }

    public Trace run(WorkflowDefinition wf, Crew crew, SiteState state, RunListener listener) {
        return run(wf, crew, state, listener, Map.of(), Map.of());
    }

    /**
     * Runs the workflow with QA's feedback for some steps (by step id), as the revise loop does
     * when it sends a page back to the steps that own its failures.
     */
    public Trace run(WorkflowDefinition wf, Crew crew, SiteState state, RunListener listener, Map<String, List<String>> feedback) {
        return run(wf, crew, state, listener, Map.of(), feedback);
    }

    /**
     * Runs the workflow, taking the steps in {@code finished} as done (their outputs already
     * restored into the state: they keep their earlier spans and do not run again), and giving
     * the steps named in {@code feedback} QA's failures to revise against.
     */
    public Trace run(WorkflowDefinition wf, Crew crew, SiteState state, RunListener listener, Map<String, StepSpan> finished,
                     Map<String, List<String>> feedback) {
        long origin = System.nanoTime();
        Context parent = telemetry.enabled() ? Context.current() : null; // the steps' parent span (none when off)
        CostLedger ledger = state.ledger();
        // A revision round runs a part of the workflow, perhaps without its artist: the images it drew keep their type.
        crew.prepare(wf, state);
        Map<String, CompletableFuture<StepSpan>> futures = new HashMap<>();
        AtomicReference<StepSpan> firstFailure = new AtomicReference<>();
        for (StepDefinition step : wf.ordered()) {
            CompletableFuture<?>[] deps = step.after().stream().map(futures::get).toArray(CompletableFuture[]::new);
            CompletableFuture<StepSpan> f = CompletableFuture.allOf(deps).thenCompose(v -> {
                String model = crew.engines().modelFor(step.role());
                for (String d : step.after()) {
                    if (!futures.get(d).join().ok()) return done(skipped(step, model, origin, "step \"" + d + "\" did not finish", parent));
                }
                StepSpan earlier = finished.get(step.id());
                if (earlier != null) {
                    listener.stepFinished(earlier);
                    return done(earlier);
                }
                if (firstFailure.get() != null) {
                    return done(skipped(step, model, origin, "step \"" + firstFailure.get().id() + "\" failed", parent));
                }
                return launch(wf, step, crew, state, listener, origin, model, ledger, feedback.getOrDefault(step.id(), List.of()), parent);
            }).thenApply(span -> {
                if (StepSpan.SKIPPED.equals(span.status())) listener.stepFinished(span);
                if (!span.ok() && !StepSpan.SKIPPED.equals(span.status())) firstFailure.compareAndSet(null, span);
                return span;
            });
            futures.put(step.id(), f);
        }
        List<StepSpan> spans = new ArrayList<>();
        for (StepDefinition step : wf.steps()) spans.add(futures.get(step.id()).join());
        long wall = (System.nanoTime() - origin) / 1_000_000;
        StepSpan failed = firstFailure.get();
        return new Trace(spans, wall, failed == null ? null : failed.id(), failed == null ? null : failed.error());
    }

    private CompletableFuture<StepSpan> launch(WorkflowDefinition wf, StepDefinition step, Crew crew, SiteState state,
                                               RunListener listener, long origin, String model, CostLedger ledger, List<String> feedback,
                                               Context parent) {
        CallMeter meter = new CallMeter(origin, ledger);
        StepTrace trace = telemetry.step(parent, origin, step.id(), step.persona(), step.role(), model);
        PersonaContext ctx = new PersonaContext(step.role(), model, meter, fanOut, prompts, tokens, feedback, telemetry);
        CompletableFuture<StepSpan> result = new CompletableFuture<>();
        Step action = crew.step(step);
        double timeout = step.timeoutSeconds() != null ? step.timeoutSeconds() : wf.stepTimeoutSeconds();
        long limitMicros = Math.max(1, Math.round(timeout * 1_000_000));
        String overrun = "step \"" + step.id() + "\" exceeded its time limit of " + timeout + " s (raise timeoutSeconds in the workflow)";
        // The step starts, and its time limit runs, when a worker of the bounded pool takes it, not while it waits for one.
        AtomicReference<java.util.concurrent.ScheduledFuture<?>> guard = new AtomicReference<>();
        FutureTask<?>[] work = new FutureTask<?>[1];
        work[0] = new FutureTask<>(trace.wrap(() -> {
            long start = meter.nowMs();
            long startNanos = System.nanoTime();
            listener.stepStarted(step.id(), step.role(), model, start);
            guard.set(timer.schedule(() -> {
                if (result.complete(span(step, model, StepSpan.TIMEOUT, start, meter, overrun))) work[0].cancel(true);
            }, limitMicros, TimeUnit.MICROSECONDS));
            try {
                action.run(state, crew, ctx);
                // A step that finished past its limit overran it, even if the timer had not fired yet.
                boolean late = (System.nanoTime() - startNanos) / 1_000 > limitMicros;
                result.complete(late ? span(step, model, StepSpan.TIMEOUT, start, meter, overrun) : span(step, model, StepSpan.OK, start, meter, null));
            } catch (Throwable t) {
                result.complete(span(step, model, StepSpan.FAILED, start, meter, describe(t)));
            }
        }), null);
        workers.execute(work[0]);
        return result.whenComplete((s, e) -> {
            var g = guard.get();
            if (g != null) g.cancel(false);
            // before anyone hears of it: a process killed from here on still knows this step ended, and what it cost
            StepJournal journal = state.journal();
            if (journal != null) journal.record(s);
            if (telemetry.enabled()) {
                if (action.writes().contains(SiteState.QUALITY) && state.quality() != null) trace.checks(state.quality().checks());
                trace.end(outcome(s));
            }
            listener.stepFinished(s);
        });
    }

    private static StepTrace.Outcome outcome(StepSpan s) {
        return new StepTrace.Outcome(s.status(), s.attempts(), new TokenUsage(s.inputTokens(), s.outputTokens(),
                s.calls().stream().mapToLong(c -> c.usage() == null ? 0 : c.usage().cachedInputTokens()).sum(), s.tokensEstimated()),
                s.costUsd(), s.error(), s.calls(), s.carriedTokens(), s.orchestrationMs());
    }

    private static StepSpan span(StepDefinition step, String model, String status, long start, CallMeter meter, String error) {
        List<ModelCall> calls = meter.calls();
        TokenUsage u = meter.usage();
        long duration = meter.nowMs() - start;
        long inCalls = CallTime.union(calls, start, start + duration);
        return StepSpan.builder(step.id(), step.role(), step.persona(), model).status(status).startMs(start).durationMs(duration)
                .tokens(u.inputTokens(), u.outputTokens(), u.estimated()).costUsd(meter.costUsd()).attempts(Math.max(meter.attempts(), 1))
                .error(error).calls(calls).carriedTokens(meter.carriedTokens()).orchestrationMs(Math.max(0, duration - inCalls)).build();
    }

    private StepSpan skipped(StepDefinition step, String model, long origin, String why, Context parent) {
        long now = (System.nanoTime() - origin) / 1_000_000;
        StepSpan s = StepSpan.builder(step.id(), step.role(), step.persona(), model).status(StepSpan.SKIPPED).startMs(now).costUsd(0.0)
                .error("skipped: " + why).build();
        if (telemetry.enabled()) telemetry.step(parent, origin, step.id(), step.persona(), step.role(), model).end(outcome(s));
        return s;
    }

    private static CompletableFuture<StepSpan> done(StepSpan s) {
        return CompletableFuture.completedFuture(s);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null)) root = root.getCause();
        String msg = root.getMessage();
        return msg == null ? root.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
    }
}
