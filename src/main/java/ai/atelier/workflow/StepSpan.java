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
        return toBuilder().estimatedCostUsd(usd).build();
    }

    /** A span of step {@code id} (persona, role, model) to fill in by name; every number starts at zero, the status at ok. */
    public static Builder builder(String id, String role, String persona, String model) {
        return new Builder(id, role, persona, model);
    }

    /** A builder holding this span's values, to change a few. */
    public Builder toBuilder() {
        return new Builder(id, role, persona, model).status(status).startMs(startMs).durationMs(durationMs)
                .tokens(inputTokens, outputTokens, tokensEstimated).costUsd(costUsd).attempts(attempts).error(error).calls(calls)
                .carriedTokens(carriedTokens).orchestrationMs(orchestrationMs).estimatedCostUsd(estimatedCostUsd);
    }

    /** Builds a span by field name rather than by the position of 17 arguments. */
    public static final class Builder {
        private String id, role, persona, model, status = OK, error;
        private long startMs, durationMs, inputTokens, outputTokens, carriedTokens, orchestrationMs;
        private boolean tokensEstimated;
        private Double costUsd, estimatedCostUsd;
        private int attempts;
        private List<ModelCall> calls = List.of();

        private Builder(String id, String role, String persona, String model) {
            this.id = id;
            this.role = role;
            this.persona = persona;
            this.model = model;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder startMs(long v) { startMs = v; return this; }
        public Builder durationMs(long v) { durationMs = v; return this; }

        /** Input and output tokens, and whether they were estimated with a tokenizer rather than reported by the provider. */
        public Builder tokens(long in, long out, boolean estimated) {
            inputTokens = in;
            outputTokens = out;
            tokensEstimated = estimated;
            return this;
        }

        public Builder costUsd(Double v) { costUsd = v; return this; }
        public Builder attempts(int v) { attempts = v; return this; }
        public Builder error(String v) { error = v; return this; }
        public Builder calls(List<ModelCall> v) { calls = v; return this; }
        public Builder carriedTokens(long v) { carriedTokens = v; return this; }
        public Builder orchestrationMs(long v) { orchestrationMs = v; return this; }
        public Builder estimatedCostUsd(Double v) { estimatedCostUsd = v; return this; }

        public StepSpan build() {
            return new StepSpan(id, role, persona, model, status, startMs, durationMs, inputTokens, outputTokens, tokensEstimated, costUsd,
                    attempts, error, calls, carriedTokens, orchestrationMs, estimatedCostUsd);
        }
    }
}
