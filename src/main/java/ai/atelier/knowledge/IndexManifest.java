package ai.atelier.knowledge;

import java.util.List;
import java.util.Map;

/**
 * What a saved index holds and how to check it: the format version and embedding model it was built
 * with, each data file's size and CRC-32C, the source files with their content hashes (what a
 * re-ingest compares against) and the files that were skipped. Stored as JSON in the index header.
 */
public record IndexManifest(int format, String model, int dims, int chunks, String company, String builtAt,
                            boolean graph, Map<String, FileSum> files, List<Source> sources, List<SkippedFile> skipped) {
    public IndexManifest {
        files = Map.copyOf(files);
        sources = List.copyOf(sources);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Size and CRC-32C of one data file. */
    public record FileSum(long bytes, long crc32c) {}

    /** One source file of company knowledge: its kind, content hash and how many chunks it gave. */
    public record Source(String file, String kind, String hash, int chunks) {}
}
