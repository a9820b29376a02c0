package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over chunks, in memory. Small and exact: the lexical half of retrieval, and on its own
 * the retriever of the built-in engine when no embedding index is built.
 */
public final class Bm25Index implements Retriever {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<Chunk> chunks;
    private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
    private final int[] lengths;
    private final Map<String, Integer> docFreq = new HashMap<>();
    private final double avgLength;

    public Bm25Index(List<Chunk> chunks) {
        this.chunks = List.copyOf(chunks);
        this.lengths = new int[chunks.size()];
        long total = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            List<String> terms = Terms.of(c.heading() + " " + c.heading() + " " + c.docTitle() + " " + c.topic().replace('-', ' ') + " " + c.text());
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> docFreq.merge(t, 1, Integer::sum));
            termFreqs.add(tf);
            lengths[i] = terms.size();
            total += terms.size();
        }
        this.avgLength = chunks.isEmpty() ? 1 : (double) total / chunks.size();
    }

    /** Builds the index over every research document of a company. */
    public static Bm25Index of(Company company) {
        Chunker chunker = new Chunker();
        List<Chunk> all = new ArrayList<>();
        company.research().forEach(d -> all.addAll(chunker.chunk(d)));
        return new Bm25Index(all);
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    /** BM25 score of chunk {@code i} for the given query terms. */
    public double score(int i, List<String> queryTerms) {
        Map<String, Integer> tf = termFreqs.get(i);
        double s = 0;
        int n = chunks.size();
        for (String q : queryTerms) {
            Integer f = tf.get(q);
            if (f == null) continue;
            int df = docFreq.getOrDefault(q, 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            s += idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * lengths[i] / avgLength));
        }
        return s;
    }

    @Override
    public List<RetrievedChunk> search(RetrievalQuery query) {
        List<String> q = Terms.of(query.text());
        List<RetrievedChunk> hits = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (!c.appliesTo(query.industry())) continue;
            double s = score(i, q);
            if (s > 0) hits.add(new RetrievedChunk(c, s, s, 0));
        }
        hits.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed().thenComparing(h -> h.chunk().id()));
        return hits.size() > query.k() ? List.copyOf(hits.subList(0, query.k())) : hits;
    }
}
