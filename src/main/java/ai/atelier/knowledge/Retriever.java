package ai.atelier.knowledge;

import java.util.List;

/**
 * Finds the company knowledge most relevant to a visitor. The personalizer depends only on this,
 * so a lexical index, a hybrid index or a remote store can stand behind it.
 */
public interface Retriever {
    List<RetrievedChunk> search(RetrievalQuery query);

    /** What to look for; {@code industry} (lower-case, may be null) keeps only chunks for it or for all industries. */
    record RetrievalQuery(String text, String industry, int k) {}

    /** One hit with the scores that ranked it (vector is 0 for a lexical-only retriever). */
    record RetrievedChunk(Chunk chunk, double score, double lexicalScore, double vectorScore) {}
}
