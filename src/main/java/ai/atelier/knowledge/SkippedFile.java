package ai.atelier.knowledge;

/**
 * A knowledge file that was left out, and why. Bad research files do not stop a run: each is
 * named in a warning and skipped, so one broken PDF cannot take a whole company's pages down.
 */
public record SkippedFile(String file, String reason) {
    /** The warning line shown to the user. */
    public String warning() {
        return "skipped " + file + ": " + reason;
    }
}
