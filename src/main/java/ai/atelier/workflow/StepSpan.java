package ai.atelier.workflow;

import ai.atelier.model.ModelCall;
import java.util.List;

/**
 * The trace of one step: when it ran (ms since the run started), how long, how it ended, and what
 * its model calls consumed. {@code costUsd} is null when some call's price is unknown.
 * Coordination overhead: {@code carriedTokens} are the tokens of other steps' output this step's
 * prompts carried; {@code orchestrationMs} is the step's time outside its model calls.
 * {@code estimatedCostUsd} prices built-in (or replayed) calls as if they had run on the model a
 * config binds to the role, and is null when no estimate applies (see {@link StepPricer}).
 */
public record StepSpan(
        String id,
        String role,
        String persona,
        String model,
        String status,
        long startMs,
        long durationMs,
        long inputTokens,
        long outputTokens,
        boolean tokensEstimated,
        Double costUsd,
        int attempts,
        String error,
        List<ModelCall> calls,
        long carriedTokens,
        long orchestrationMs,
        Double estimatedCostUsd) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout";
    public static final String SKIPPED = "skipped";

    public StepSpan {
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    public long endMs() {
        return startMs + durationMs;
    }

    /** Time inside model calls: the union of the calls' intervals, so parallel calls are not counted twice. */
    public long callMs() {
        return CallTime.union(calls, startMs, endMs());
    }

    /** This span with a cost estimate. */
    public StepSpan withEstimate(Double usd) {
        return new StepSpan(id, role, persona, model, status, startMs, durationMs, inputTokens, outputTokens, tokensEstimated, costUsd,
                attempts, error, calls, carriedTokens, orchestrationMs, usd);
    }
}
