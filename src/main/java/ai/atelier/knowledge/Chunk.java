package ai.atelier.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * A retrievable passage of company knowledge: a heading's worth of a research document, one
 * offering, one testimonial or a section of the design guidelines. The id ({@code research/x.md#3},
 * {@code offerings.yaml#energy-intelligence}) is stable for unchanged content, so provenance can
 * cite it; {@link #sourceFile()} is the company-relative file it came from.
 */
public record Chunk(String id, String sourceFile, String docTitle, String heading, String text,
                    List<String> industries, String topic, ChunkKind kind) {
    public Chunk {
        industries = List.copyOf(industries);
        topic = topic == null ? "" : topic;
        kind = kind == null ? ChunkKind.RESEARCH : kind;
    }

    /** A research chunk (the only kind there was before the knowledge index). */
    public Chunk(String id, String sourceFile, String docTitle, String heading, String text, List<String> industries, String topic) {
        this(id, sourceFile, docTitle, heading, text, industries, topic, ChunkKind.RESEARCH);
    }

    /** True when the chunk is about {@code industry} or about every industry. */
    public boolean appliesTo(String industry) {
        return industry == null || industries.contains(industry) || isGeneral();
    }

    /** True for cross-industry knowledge. */
    public boolean isGeneral() {
        return industries.contains("general") || industries.contains("all");
    }

    /** True when the chunk's topic is {@code topic} (case-insensitive); a null topic matches all. */
    public boolean hasTopic(String wanted) {
        return wanted == null || topic.equalsIgnoreCase(wanted.strip());
    }

    /** The text an embedding model sees: where the passage sits, then the passage. */
    public String embeddingText() {
        String where = heading.equals(docTitle) || docTitle.isBlank() ? heading : docTitle + " — " + heading;
        return where.isBlank() ? text : where + "\n" + text;
    }

    /** The text the lexical index sees: the heading weighs double, the topic counts as words. */
    String lexicalText() {
        return heading + " " + heading + " " + docTitle + " " + topic.replace('-', ' ') + " " + text;
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
