package ai.atelier.knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the company knowledge most relevant to a visitor. The personalizer depends only on this,
 * so a lexical index, a hybrid index or a remote store can stand behind it.
 */
public interface Retriever {
    List<RetrievedChunk> search(RetrievalQuery query);

    /**
     * What to look for. {@code industry} (lower-case, may be null) keeps only chunks for it or for all
     * industries; {@code topic} (may be null) keeps only chunks of that topic; {@code kinds} keeps only
     * those kinds of chunk.
     */
    record RetrievalQuery(String text, String industry, String topic, Set<ChunkKind> kinds, int k) {
        public RetrievalQuery {
            industry = Chunk.lower(industry);
            topic = topic == null || topic.isBlank() ? null : topic.strip();
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(ChunkKind.class) : Set.copyOf(kinds);
            if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        }

        /** Research passages only, as the personalizer has always asked for. */
        public RetrievalQuery(String text, String industry, int k) {
            this(text, industry, null, EnumSet.of(ChunkKind.RESEARCH), k);
        }

        public boolean accepts(Chunk c) {
            return kinds.contains(c.kind()) && c.appliesTo(industry) && c.hasTopic(topic);
        }
    }

    /** One hit with the scores that ranked it (vector is 0 for a lexical-only retriever). */
    record RetrievedChunk(Chunk chunk, double score, double lexicalScore, double vectorScore) {}
}
