package ai.atelier;

/**
 * A problem the user can fix: bad input, a missing file, an unknown workflow. Its message is one
 * line that names what is wrong and, where possible, how to fix it; the CLI prints it as is and
 * exits non-zero, and the server turns it into a 400 with the same text.
 */
public class AtelierException extends RuntimeException {
    private final String field;

    public AtelierException(String message) {
        this(message, null, null);
    }

    public AtelierException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public AtelierException(String message, String field, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The input field or file the problem is in, when there is one (for API error bodies). */
    public String field() {
        return field;
    }
}
