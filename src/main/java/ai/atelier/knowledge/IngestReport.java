package ai.atelier.knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * What an ingest did: how many chunks the index holds, how many were embedded now and how many
 * were reused from the previous index (unchanged content is never embedded twice), which source
 * files were added, changed, kept or removed, and which files were skipped.
 */
public record IngestReport(Path indexDir, int chunks, int embedded, int reused, List<String> added, List<String> changed,
                           int unchanged, List<String> removed, List<SkippedFile> skipped, boolean rebuiltFromScratch,
                           long millis) {
    public IngestReport {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    public boolean anythingSkipped() {
        return !skipped.isEmpty();
    }
}
