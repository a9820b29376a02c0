package ai.atelier.batch;

/**
 * The words a results row uses for how a visitor's site ended, so every class says them the same way:
 * {@code done} (passed QA), {@code failed} (a step, the input or the folder failed; retried on the next
 * run), {@code gate-failed} (made, but QA's gate refused it; finished, not redone) and
 * {@code skipped-done} (finished by an earlier run: nothing was redone).
 */
final class BatchStatus {
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String GATE_FAILED = "gate-failed";
    static final String SKIPPED_DONE = "skipped-done";

    private BatchStatus() {}
}
