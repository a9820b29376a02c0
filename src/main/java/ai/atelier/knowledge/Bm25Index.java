package ai.atelier.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over chunks, as an inverted index (term → postings of chunk number and term frequency).
 * It is the lexical half of the hybrid {@link KnowledgeIndex}, which stores it on disk with
 * {@link #writeTo} and maps it back with {@link #read} so a 100k-chunk index loads without
 * re-tokenizing; on its own it is still a complete exact retriever for small, unsaved corpora.
 */
public final class Bm25Index implements Retriever {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** Longer "words" (hashes, base64 blobs) are not indexed; it also bounds the stored term length. */
    private static final int MAX_TERM_CHARS = 64;

    private final List<Chunk> chunks;
    private final Map<String, Integer> termIds;
    private final IntBuffer starts;   // termCount + 1 offsets into docs/tfs
    private final IntBuffer docs;     // chunk numbers, ascending within a term
    private final IntBuffer tfs;
    private final IntBuffer lengths;
    private final double avgLength;
    private final float[] norms; // per chunk: K1 * (1 - B + B * length / avgLength), computed once

    public Bm25Index(List<Chunk> chunks) {
        this.chunks = List.copyOf(chunks);
        int n = chunks.size();
        int[] len = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        List<List<int[]>> postings = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            List<String> terms = Terms.of(chunks.get(i).lexicalText());
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> {
                if (t.length() <= MAX_TERM_CHARS) tf.merge(t, 1, Integer::sum);
            });
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                int id = ids.computeIfAbsent(e.getKey(), k -> {
                    postings.add(new ArrayList<>());
                    return postings.size() - 1;
                });
                postings.get(id).add(new int[] {i, e.getValue()});
            }
            len[i] = terms.size();
            total += terms.size();
        }
        int count = postings.stream().mapToInt(List::size).sum();
        int[] st = new int[postings.size() + 1];
        int[] d = new int[count];
        int[] f = new int[count];
        int at = 0;
        for (int t = 0; t < postings.size(); t++) {
            st[t] = at;
            for (int[] p : postings.get(t)) {
                d[at] = p[0];
                f[at++] = p[1];
            }
        }
        st[postings.size()] = at;
        this.termIds = ids;
        this.starts = IntBuffer.wrap(st);
        this.docs = IntBuffer.wrap(d);
        this.tfs = IntBuffer.wrap(f);
        this.lengths = IntBuffer.wrap(len);
        this.avgLength = n == 0 ? 1 : (double) total / n;
        this.norms = norms(lengths, avgLength);
    }

    private static float[] norms(IntBuffer lengths, double avgLength) {
        float[] out = new float[lengths.capacity()];
        for (int i = 0; i < out.length; i++) out[i] = (float) (K1 * (1 - B + B * lengths.get(i) / avgLength));
        return out;
    }

    private Bm25Index(List<Chunk> chunks, Map<String, Integer> termIds, IntBuffer starts, IntBuffer docs, IntBuffer tfs,
                      IntBuffer lengths, double avgLength) {
        this.chunks = chunks;
        this.termIds = termIds;
        this.starts = starts;
        this.docs = docs;
        this.tfs = tfs;
        this.lengths = lengths;
        this.avgLength = avgLength;
        this.norms = norms(lengths, avgLength);
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
        double s = 0;
        for (String q : queryTerms) {
            Integer t = termIds.get(q);
            if (t == null) continue;
            int from = starts.get(t), to = starts.get(t + 1);
            int at = binarySearch(from, to, i);
            if (at >= 0) s += termScore(to - from, tfs.get(at), lengths.get(i));
        }
        return s;
    }

    /**
     * The best {@code limit} chunks with at least one query term, best first; {@code allowed} (may be
     * null) filters chunk numbers. Term-at-a-time into one score array: the idf is computed once per
     * term and the length normalisation once per chunk at load, so a posting costs one division.
     */
    public List<Ranked> top(List<String> queryTerms, BitSet allowed, int limit) {
        int n = lengths.capacity();
        float[] acc = new float[n];
        boolean any = false;
        for (String q : new java.util.LinkedHashSet<>(queryTerms)) {
            Integer t = termIds.get(q);
            if (t == null) continue;
            int from = starts.get(t), to = starts.get(t + 1);
            int df = to - from;
            float idf = (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
            float k1 = (float) (K1 + 1);
            int repeats = java.util.Collections.frequency(queryTerms, q);
            for (int p = from; p < to; p++) {
                int doc = docs.get(p);
                int f = tfs.get(p);
                acc[doc] += repeats * idf * (f * k1) / (f + norms[doc]);
            }
            any = true;
        }
        if (!any) return List.of();
        TopK top = new TopK(limit);
        if (allowed == null) {
            for (int doc = 0; doc < n; doc++) if (acc[doc] > 0) top.offer(doc, acc[doc]);
        } else {
            for (int doc = allowed.nextSetBit(0); doc >= 0 && doc < n; doc = allowed.nextSetBit(doc + 1)) if (acc[doc] > 0) top.offer(doc, acc[doc]);
        }
        return top.sorted();
    }

    private double termScore(int df, int f, int length) {
        int n = lengths.capacity();
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        return idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * length / avgLength));
    }

    private int binarySearch(int from, int to, int doc) {
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = docs.get(mid);
            if (v < doc) lo = mid + 1;
            else if (v > doc) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    @Override
    public List<RetrievedChunk> search(RetrievalQuery query) {
        List<String> q = Terms.of(query.text());
        BitSet allowed = new BitSet(chunks.size());
        for (int i = 0; i < chunks.size(); i++) if (query.accepts(chunks.get(i))) allowed.set(i);
        List<RetrievedChunk> hits = new ArrayList<>();
        for (Ranked s : top(q, allowed, Integer.MAX_VALUE)) {
            if (s.score() > 0) hits.add(new RetrievedChunk(chunks.get(s.index()), s.score(), s.score(), 0));
        }
        hits.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed().thenComparing(h -> h.chunk().id()));
        return hits.size() > query.k() ? List.copyOf(hits.subList(0, query.k())) : hits;
    }

    // ---- persistence ---------------------------------------------------------------------------

    /** Bytes needed by {@link #writeTo}. */
    long byteSize() {
        long size = 24 + 4L * lengths.capacity() + 4L * starts.capacity() + 8L * docs.capacity();
        for (String t : termIds.keySet()) size += 2 + t.getBytes(StandardCharsets.UTF_8).length;
        return size;
    }

    /** Writes the postings in the little-endian layout {@link #read} maps back. */
    void writeTo(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        int n = lengths.capacity();
        out.putInt(n).putInt(termIds.size()).putInt(docs.capacity()).putInt(0).putDouble(avgLength);
        for (int i = 0; i < n; i++) out.putInt(lengths.get(i));
        for (int i = 0; i < starts.capacity(); i++) out.putInt(starts.get(i));
        for (int i = 0; i < docs.capacity(); i++) out.putInt(docs.get(i));
        for (int i = 0; i < tfs.capacity(); i++) out.putInt(tfs.get(i));
        String[] byId = new String[termIds.size()];
        termIds.forEach((t, id) -> byId[id] = t);
        for (String t : byId) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            out.putShort((short) b.length).put(b);
        }
    }

    /** Maps an index written by {@link #writeTo}; the postings stay in {@code in} (often a memory map). */
    static Bm25Index read(ByteBuffer in, List<Chunk> chunks) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(), termCount = b.getInt(), postings = b.getInt();
        b.getInt();
        double avg = b.getDouble();
        if (n != chunks.size()) throw new IllegalStateException("lexical index has " + n + " chunks, chunk store " + chunks.size());
        IntBuffer lengths = slice(b, n);
        IntBuffer starts = slice(b, termCount + 1);
        IntBuffer docs = slice(b, postings);
        IntBuffer tfs = slice(b, postings);
        Map<String, Integer> ids = new HashMap<>(termCount * 2);
        byte[] scratch = new byte[0x10000];
        for (int t = 0; t < termCount; t++) {
            int len = b.getShort() & 0xFFFF;
            b.get(scratch, 0, len);
            ids.put(new String(scratch, 0, len, StandardCharsets.UTF_8), t);
        }
        return new Bm25Index(chunks, ids, starts, docs, tfs, lengths, avg);
    }

    private static IntBuffer slice(ByteBuffer b, int ints) {
        ByteBuffer s = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        s.limit(ints * 4);
        b.position(b.position() + ints * 4);
        return s.asIntBuffer();
    }
}
