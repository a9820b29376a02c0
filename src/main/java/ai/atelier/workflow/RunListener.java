package ai.atelier.workflow;

/**
 * Hears a run as it happens: the CLI draws its progress bar from it and the server streams it as
 * Server-Sent Events. Called from worker threads; implementations must be thread-safe and quick.
 */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void stepStarted(String stepId, String role, String model, long startMs) {}

    default void stepFinished(StepSpan span) {}
}
