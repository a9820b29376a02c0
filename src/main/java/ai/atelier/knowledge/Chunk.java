package ai.atelier.knowledge;

import java.util.List;

/**
 * A retrievable passage of company knowledge: a heading's worth of a research document. The id
 * ({@code research/x.md#3}) is stable for unchanged content, so provenance can cite it.
 */
public record Chunk(String id, String sourceFile, String docTitle, String heading, String text,
                    List<String> industries, String topic) {
    public Chunk {
        industries = List.copyOf(industries);
    }

    /** True when the chunk is about {@code industry} or about every industry. */
    public boolean appliesTo(String industry) {
        return industry == null || industries.contains(industry) || industries.contains("general") || industries.contains("all");
    }
}
