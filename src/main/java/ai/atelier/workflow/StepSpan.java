package ai.atelier.workflow;

import ai.atelier.model.ModelCall;
import java.util.List;

/**
 * The trace of one step: when it ran (ms since the run started), how long, how it ended, and what
 * its model calls consumed. {@code costUsd} is null when some call's price is unknown.
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
        List<ModelCall> calls) {

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
}
