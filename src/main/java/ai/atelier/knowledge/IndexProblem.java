package ai.atelier.knowledge;

/**
 * Why a saved index cannot be used as it is: missing, written by another format version or
 * embedding model, or damaged (a checksum, size or structure that does not add up). The index is
 * then rebuilt from the company folder; nothing is read from a damaged one.
 */
public final class IndexProblem extends Exception {
    /** What kind of problem, which decides how loudly to say so. */
    public enum Kind { MISSING, VERSION, CORRUPT }

    private final Kind kind;

    IndexProblem(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
