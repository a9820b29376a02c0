package ai.atelier.knowledge;

import java.util.BitSet;
import java.util.List;

/**
 * Nearest neighbours by cosine similarity: an exact scan when few chunks are in play (a small
 * company, or a filter that leaves few), the HNSW graph otherwise. The switch point is where a scan
 * stops fitting the latency budget: about 10,000 vectors of 384 floats is ~2 ms on one core.
 */
final class VectorIndex {
    private final Vectors vectors;
    private final Hnsw graph;          // null below the graph threshold
    private final int exactBelow;
    private final int efSearch;

    VectorIndex(Vectors vectors, Hnsw graph, int exactBelow, int efSearch) {
        this.vectors = vectors;
        this.graph = graph;
        this.exactBelow = exactBelow;
        this.efSearch = efSearch;
    }

    Vectors vectors() {
        return vectors;
    }

    boolean hasGraph() {
        return graph != null;
    }

    /** The {@code k} allowed chunks most similar to unit vector {@code q}, best first. */
    List<Ranked> search(float[] q, int k, BitSet allowed) {
        int candidates = allowed == null ? vectors.size() : allowed.cardinality();
        int ef = Math.max(efSearch, k);
        if (graph == null || candidates <= exactBelow || exactIsCheaper(candidates, ef)) return exact(q, k, allowed);
        return graph.search(q, k, ef, allowed);
    }

    /**
     * A filtered graph walk must expand about ef / s nodes (s = share of chunks allowed), each
     * comparing up to m0 neighbours, half of them new; a scan compares every allowed chunk once.
     * Scan when that is fewer comparisons, e.g. an industry filter leaving 1/8 of 100k chunks.
     */
    private boolean exactIsCheaper(int candidates, int ef) {
        double share = (double) candidates / vectors.size();
        double walk = ef / share * graph.m0() * 0.5;
        return candidates <= walk;
    }

    /** Scans every allowed vector: exact, and the reference the benchmark measures HNSW recall against. */
    List<Ranked> exact(float[] q, int k, BitSet allowed) {
        TopK top = new TopK(k);
        float[] scratch = new float[vectors.dims()];
        if (allowed == null) {
            for (int i = 0; i < vectors.size(); i++) top.offer(i, vectors.dot(i, q, scratch));
        } else {
            for (int i = allowed.nextSetBit(0); i >= 0 && i < vectors.size(); i = allowed.nextSetBit(i + 1)) top.offer(i, vectors.dot(i, q, scratch));
        }
        return top.sorted();
    }
}
