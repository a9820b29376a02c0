package ai.atelier.knowledge;

/**
 * Hears how an ingest goes, so a command can draw a progress bar and print warnings while the
 * knowledge package stays free of any terminal code. Every method has a do-nothing default.
 */
public interface IngestListener {
    IngestListener SILENT = new IngestListener() {};

    /** A file was left out of the index. */
    default void skipped(SkippedFile file) {}

    /** Something the user should know that did not stop the ingest (e.g. a corrupt index being rebuilt). */
    default void warning(String message) {}

    /** A long phase begins ("embedding", "graph") with {@code total} units of work. */
    default void phase(String name, int total) {}

    /** {@code done} units of the current phase are finished. */
    default void progress(int done) {}

    /** The index was written. */
    default void finished(IngestReport report) {}
}
