package ai.atelier.telemetry;

import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenUsage;
import ai.atelier.quality.CheckResult;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The agent span of one workflow step ({@code invoke_agent {persona}}). Its {@link #context()}
 * carries the span across the orchestrator's thread pool (the step's work runs wrapped in it).
 * When the step ends, the calls the built-in engine (or a latency replay) recorded are added as
 * chat spans at the times they happened, since no pipeline saw them live; QA's checks become events.
 * The inert {@link #NONE} stands in while telemetry is off.
 */
public final class StepTrace {
    static final StepTrace NONE = new StepTrace(null, null, Context.root(), 0, null);

    private final Telemetry telemetry;
    private final Span span;
    private final Context context;
    private final long epochOriginNanos;
    private final String persona;

    StepTrace(Telemetry telemetry, Span span, Context context, long epochOriginNanos, String persona) {
        this.telemetry = telemetry;
        this.span = span;
        this.context = context;
        this.epochOriginNanos = epochOriginNanos;
        this.persona = persona;
    }

    /** The step's context: its span and agent name, for work on other threads. */
    public Context context() {
        return context;
    }

    /** {@code work} running in the step's context (as is when off). */
    public Runnable wrap(Runnable work) {
        return span == null ? work : context.wrap(work);
    }

    /** QA's check results as events on the step span; details (which may quote page text) only with content capture on. */
    public void checks(List<CheckResult> results) {
        if (span == null || results == null) return;
        for (CheckResult r : results) {
            AttributesBuilder a = Attributes.builder()
                    .put(GenAi.CHECK_NAME, r.name())
                    .put(GenAi.CHECK_STATUS, r.status().name().toLowerCase(Locale.ROOT))
                    .put(GenAi.CHECK_PASSED, r.passed())
                    .put(GenAi.CHECK_SEVERITY, r.severity().name().toLowerCase(Locale.ROOT));
            if (telemetry.captureContent() && r.details() != null) a.put(GenAi.CHECK_DETAILS, r.details());
            span.addEvent("atelier.qa.check", a.build());
        }
    }

    /** What a finished step reports: how it ended, its attempts, usage, cost (null: unknown), error and calls. */
    public record Outcome(String status, int attempts, TokenUsage usage, Double costUsd, String error, List<ModelCall> calls,
                          long carriedTokens, long orchestrationMs) {}

    public void end(Outcome o) {
        if (span == null) return;
        for (ModelCall c : o.calls()) {
            if (recordedOnly(c)) recordCall(c);
        }
        TokenUsage u = o.usage() == null ? TokenUsage.NONE : o.usage();
        span.setAttribute(GenAi.STEP_STATUS, o.status());
        span.setAttribute(GenAi.STEP_ATTEMPTS, o.attempts());
        span.setAttribute(GenAi.USAGE_INPUT_TOKENS, u.inputTokens());
        span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, u.outputTokens());
        if (u.cachedInputTokens() > 0) span.setAttribute(GenAi.USAGE_CACHE_READ_INPUT_TOKENS, u.cachedInputTokens());
        span.setAttribute(GenAi.TOKENS_ESTIMATED, u.estimated());
        span.setAttribute(GenAi.MODEL_CALLS, o.calls().size());
        span.setAttribute(GenAi.CARRIED_TOKENS, o.carriedTokens());
        span.setAttribute(GenAi.ORCHESTRATION_MS, o.orchestrationMs());
        if (o.costUsd() != null) span.setAttribute(GenAi.COST_USD, o.costUsd());
        else span.setAttribute(GenAi.COST_UNKNOWN, true);
        if (!"ok".equals(o.status()) && !"skipped".equals(o.status())) {
            span.setAttribute(GenAi.ERROR_TYPE, o.status());
            span.setStatus(StatusCode.ERROR, o.error() == null ? o.status() : o.error());
        }
        span.end();
    }

    /** Calls that did not pass a model pipeline (so no chat span was made live): the built-in engine's and a replay's. */
    static boolean recordedOnly(ModelCall c) {
        return "builtin".equals(c.provider()) || "replay".equals(c.provider());
    }

    private void recordCall(ModelCall c) {
        long start = epochOriginNanos + c.startMs() * 1_000_000L;
        TokenUsage u = c.usage() == null ? TokenUsage.NONE : c.usage();
        var b = telemetry.tracer().spanBuilder(GenAi.CHAT + " " + c.model()).setParent(context).setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(start, TimeUnit.NANOSECONDS)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT)
                .setAttribute(GenAi.PROVIDER_NAME, c.provider())
                .setAttribute(GenAi.REQUEST_MODEL, c.model())
                .setAttribute(GenAi.RESPONSE_MODEL, c.model())
                .setAttribute(GenAi.AGENT_NAME, persona)
                .setAttribute(GenAi.ROLE, c.role())
                .setAttribute(GenAi.PURPOSE, c.purpose())
                .setAttribute(GenAi.ATTEMPT, c.attempt())
                .setAttribute(GenAi.CALL_STATUS, c.status())
                .setAttribute(GenAi.USAGE_INPUT_TOKENS, u.inputTokens())
                .setAttribute(GenAi.USAGE_OUTPUT_TOKENS, u.outputTokens())
                .setAttribute(GenAi.TOKENS_ESTIMATED, u.estimated())
                .setAttribute(GenAi.RECORDED, true);
        if (c.costUsd() != null) b.setAttribute(GenAi.COST_USD, c.costUsd());
        else b.setAttribute(GenAi.COST_UNKNOWN, true);
        Span s = b.startSpan();
        if (!"ok".equals(c.status())) s.setStatus(StatusCode.ERROR, c.status());
        s.end(start + c.durationMs() * 1_000_000L, TimeUnit.NANOSECONDS);
        ChatSpans.recordMetrics(telemetry, GenAi.CHAT, c.provider(), c.model(), c.model(), null, -1, "ok".equals(c.status()) ? null : c.status(),
                c.durationMs() / 1000.0, u, c.costUsd(), persona);
    }
}
