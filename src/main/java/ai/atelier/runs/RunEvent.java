package ai.atelier.runs;

import java.util.Map;

/**
 * One thing that happened in a run, in order ({@code seq} starts at 1): queued, started, a step
 * started or finished, then done, failed or interrupted. Kept in the database so a client that
 * connects late, even after a restart, can replay the run.
 */
public record RunEvent(int seq, String type, Map<String, Object> data) {
    public static final String QUEUED = "queued";
    public static final String STARTED = "started";
    public static final String STEP_STARTED = "step-started";
    public static final String STEP_FINISHED = "step-finished";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public RunEvent {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** True for the event that ends a run's stream. */
    public boolean terminal() {
        return DONE.equals(type) || FAILED.equals(type) || INTERRUPTED.equals(type);
    }
}
