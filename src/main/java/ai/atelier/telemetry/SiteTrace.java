package ai.atelier.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * The workflow span of one site ({@code invoke_workflow {workflow}}): current on the thread that
 * runs the generation, ended with the site's outcome, which also counts into
 * {@code atelier.site.outcomes}. The inert {@link #NONE} stands in while telemetry is off.
 */
public final class SiteTrace {
    static final SiteTrace NONE = new SiteTrace(null, null, null);

    private final Telemetry telemetry;
    private final Span span;
    private final String workflow;

    SiteTrace(Telemetry telemetry, Span span, String workflow) {
        this.telemetry = telemetry;
        this.span = span;
        this.workflow = workflow;
    }

    /** Makes the site span current on this thread (the steps find their parent in it). */
    public Scope makeCurrent() {
        return span == null ? Scope.noop() : span.makeCurrent();
    }

    /** What a finished site reports: status ("ok"/"failed"), the failed step and error, totals and quality. */
    public record Outcome(String status, String failedStep, String error, Double costUsd, long inputTokens, long outputTokens,
                          boolean tokensEstimated, Integer qualityScore, Boolean qualityPassed, int reviseRounds) {}

    public void end(Outcome o) {
        if (span == null) return;
        span.setAttribute(GenAi.SITE_STATUS, o.status());
        span.setAttribute(GenAi.USAGE_INPUT_TOKENS, o.inputTokens());
        span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, o.outputTokens());
        span.setAttribute(GenAi.TOKENS_ESTIMATED, o.tokensEstimated());
        if (o.costUsd() != null) span.setAttribute(GenAi.COST_USD, o.costUsd());
        else span.setAttribute(GenAi.COST_UNKNOWN, true);
        if (o.qualityScore() != null) span.setAttribute(GenAi.QUALITY_SCORE, o.qualityScore().longValue());
        if (o.qualityPassed() != null) span.setAttribute(GenAi.QUALITY_PASSED, o.qualityPassed());
        span.setAttribute(GenAi.REVISE_ROUNDS, o.reviseRounds());
        if (o.failedStep() != null) span.setAttribute(GenAi.FAILED_STEP, o.failedStep());
        if (!"ok".equals(o.status())) {
            span.setAttribute(GenAi.ERROR_TYPE, o.failedStep() != null ? "step_failed" : "quality_gate");
            span.setStatus(StatusCode.ERROR, o.error() == null ? "failed" : o.error());
        }
        span.end();
        telemetry.instruments().siteOutcomes.add(1, Attributes.of(GenAi.WORKFLOW_NAME, workflow, GenAi.SITE_STATUS, o.status()));
    }
}
