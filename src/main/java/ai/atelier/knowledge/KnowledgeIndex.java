package ai.atelier.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid retrieval over a company's saved knowledge index: BM25 finds passages that share the
 * visitor's words, the embedding index finds passages that mean the same thing in other words, and
 * reciprocal rank fusion (RRF, k = 60) merges the two rankings without having to reconcile their
 * score scales. Industry, topic and kind filters apply to both halves before ranking. Every hit
 * carries its fused score and both real component scores (lexical BM25, vector cosine).
 */
public final class KnowledgeIndex implements Retriever {
    /** The RRF constant from Cormack et al.: large enough that one list's top rank does not dominate. */
    static final int RRF_K = 60;

    /** Which rankings a search uses; the quality test compares all three. */
    public enum Mode { HYBRID, LEXICAL, VECTOR }

    private final Path dir;
    private final IndexManifest manifest;
    private final List<Chunk> chunks;
    private final Facets facets;
    private final Bm25Index lexical;
    private final VectorIndex vectors;
    private final Embedder embedder;

    KnowledgeIndex(Path dir, IndexManifest manifest, List<Chunk> chunks, Facets facets, Bm25Index lexical, VectorIndex vectors, Embedder embedder) {
        this.dir = dir;
        this.manifest = manifest;
        this.chunks = chunks;
        this.facets = facets;
        this.lexical = lexical;
        this.vectors = vectors;
        this.embedder = embedder;
    }

    public Path dir() {
        return dir;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public int size() {
        return chunks.size();
    }

    /** True when vector search walks an HNSW graph (large indexes) rather than scanning. */
    public boolean hasGraph() {
        return vectors.hasGraph();
    }

    /** Embeds a query with the index's model (exposed so callers can time or cache embedding apart from search). */
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    @Override
    public List<RetrievedChunk> search(RetrievalQuery query) {
        return search(query, Mode.HYBRID);
    }

    public List<RetrievedChunk> search(RetrievalQuery query, Mode mode) {
        float[] qv = mode == Mode.LEXICAL ? null : embedder.embed(query.text());
        return search(query, qv, mode);
    }

    /** Searches with an already embedded query ({@code queryVector} may be null for {@link Mode#LEXICAL}). */
    public List<RetrievedChunk> search(RetrievalQuery query, float[] queryVector, Mode mode) {
        BitSet allowed = facets.allowed(query);
        if (allowed != null && allowed.isEmpty()) return List.of();
        int pool = Math.max(50, query.k() * 4);
        List<String> terms = Terms.of(query.text());
        List<Ranked> lex = mode == Mode.VECTOR ? List.of() : lexical.top(terms, allowed, pool).stream().filter(r -> r.score() > 0).toList();
        List<Ranked> vec = mode == Mode.LEXICAL ? List.of() : vectors.search(queryVector, pool, allowed);

        Map<Integer, double[]> scored = new LinkedHashMap<>(); // chunk -> {fused, lexical, vector}
        for (int r = 0; r < lex.size(); r++) {
            double[] s = scored.computeIfAbsent(lex.get(r).index(), i -> new double[] {0, Double.NaN, Double.NaN});
            s[0] += mode == Mode.LEXICAL ? lex.get(r).score() : 1.0 / (RRF_K + r + 1);
            s[1] = lex.get(r).score();
        }
        for (int r = 0; r < vec.size(); r++) {
            double[] s = scored.computeIfAbsent(vec.get(r).index(), i -> new double[] {0, Double.NaN, Double.NaN});
            s[0] += mode == Mode.VECTOR ? vec.get(r).score() : 1.0 / (RRF_K + r + 1);
            s[2] = vec.get(r).score();
        }
        List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(scored.entrySet());
        Map<Integer, Double> tieBreak = new HashMap<>();
        for (Map.Entry<Integer, double[]> e : ranked) {
            double[] s = e.getValue();
            if (Double.isNaN(s[1])) s[1] = lexical.score(e.getKey(), terms);
            if (Double.isNaN(s[2])) s[2] = queryVector == null ? 0 : vectors.vectors().dot(e.getKey(), queryVector);
            tieBreak.put(e.getKey(), s[2]);
        }
        ranked.sort(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(e -> e.getValue()[0]).reversed()
                .thenComparing(e -> -tieBreak.get(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        List<RetrievedChunk> out = new ArrayList<>(Math.min(query.k(), ranked.size()));
        for (Map.Entry<Integer, double[]> e : ranked) {
            if (out.size() == query.k()) break;
            double[] s = e.getValue();
            out.add(new RetrievedChunk(chunks.get(e.getKey()), s[0], s[1], s[2]));
        }
        return out;
    }

    /** Vector search alone on a query vector, by chunk number: what the benchmark times and checks against {@link #exactNeighbours}. */
    List<Ranked> nearest(float[] queryVector, int k, RetrievalQuery filter) {
        return vectors.search(queryVector, k, filter == null ? null : facets.allowed(filter));
    }

    /** Exact nearest neighbours by full scan, the ground truth for approximate search. */
    List<Ranked> exactNeighbours(float[] queryVector, int k, RetrievalQuery filter) {
        return vectors.exact(queryVector, k, filter == null ? null : facets.allowed(filter));
    }

    /** Content hash per chunk, by which a re-ingest reuses vectors. */
    List<String> contentHashes() {
        return facets.hashes();
    }

    void copyVector(int row, float[] out, int at) {
        vectors.vectors().copyRow(row, out, at);
    }

    Chunk chunk(int i) {
        return chunks.get(i);
    }
}
