package ai.atelier.site.finegrained;

/**
 * A model's answer that cannot be used: not JSON, missing a field, too long, citing something it
 * was not given, or saying a banned phrase. The persona asks once more with the reason, then fails
 * the step with this message.
 */
public final class AnswerRejected extends RuntimeException {
    public AnswerRejected(String message) {
        super(message);
    }
}
