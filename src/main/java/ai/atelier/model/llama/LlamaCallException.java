package ai.atelier.model.llama;

/**
 * An embedded model call that produced no answer, with the reason the model chain needs to decide
 * what to do next: a timeout (generation was cancelled; retryable), an interrupted caller, a prompt
 * that does not fit the context, a schema llama.cpp cannot turn into a grammar, or an engine error.
 */
public final class LlamaCallException extends RuntimeException {
    /** Why the call failed. */
    public enum Reason { TIMEOUT, INTERRUPTED, PROMPT_TOO_LONG, BAD_SCHEMA, ENGINE }

    private final Reason reason;

    public LlamaCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the same call may succeed if tried again (a timeout or an engine hiccup; not a bad request). */
    public boolean retryable() {
        return reason == Reason.TIMEOUT || reason == Reason.ENGINE;
    }
}
