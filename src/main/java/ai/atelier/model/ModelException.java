package ai.atelier.model;

import java.time.Duration;

/**
 * A model call that did not produce an answer, classified so the interceptors can decide what to
 * do: retry (rate limit, server error, timeout, broken response), stop (bad request, auth, budget,
 * configuration), or escalate. Providers translate their own exceptions into this one. The message
 * is one line and never contains a secret.
 */
public class ModelException extends RuntimeException {
    /** Why a call failed. */
    public enum Kind {
        RATE_LIMITED(true), SERVER_ERROR(true), TIMEOUT(true), CONNECTION(true), MALFORMED_RESPONSE(true), TRUNCATED_RESPONSE(true),
        BAD_REQUEST(false), AUTH(false), NOT_FOUND(false), REFUSED(false),
        BUDGET_EXHAUSTED(false), CONFIG(false), INVALID_OUTPUT(false),
        /** The prompt does not fit the model's context window, or the server cut it (its usage shows it read far less). */
        CONTEXT_OVERFLOW(false),
        /** The server's answer was larger than the model's maxResponseBytes: it is not read whole, nor asked for again. */
        RESPONSE_TOO_LARGE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private TokenUsage usage;

    public ModelException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    public ModelException(Kind kind, String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /** A failure of a call that was answered (and so may be billed): the usage the provider reported. */
    public ModelException withUsage(TokenUsage u) {
        this.usage = u;
        return this;
    }

    /** The usage of the failed call when the provider answered, else null. */
    public TokenUsage usage() {
        return usage;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the provider answered with, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The delay the provider asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** Whether a larger model could plausibly succeed where this one failed. */
    public boolean escalatable() {
        return switch (kind) {
            case BUDGET_EXHAUSTED, CONFIG, AUTH -> false;
            default -> true;
        };
    }
}
