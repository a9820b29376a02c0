package ai.atelier.knowledge;

import java.util.Locale;

/**
 * What a chunk of company knowledge is. Retrieval can be limited to some kinds: the built-in
 * personalizer wants research passages for pain points, while {@code kb search} shows everything.
 */
public enum ChunkKind {
    RESEARCH, OFFERING, TESTIMONIAL, GUIDELINE;

    /** Lower-case name, as shown by {@code kb search} and stored in the index. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
