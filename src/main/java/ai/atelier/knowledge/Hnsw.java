package ai.atelier.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A hierarchical navigable small-world graph (Malkov and Yashunin, 2016) over {@link Vectors}, for
 * approximate nearest-neighbour search when scanning every vector is too slow. Written here rather
 * than taken from a library so the graph is stored as flat int arrays that load in one bulk read
 * with the rest of the index (Java-serialized graphs take seconds to load at 100k nodes). Search
 * takes an optional filter: only allowed nodes are returned, every node may be walked through.
 */
final class Hnsw {
    static final int DEFAULT_M = 16;
    static final int DEFAULT_EF_CONSTRUCTION = 64;

    private final Vectors vectors;
    private final int m;
    private final int m0;
    private final int entry;
    private final int maxLevel;
    private final IntBuffer levels;     // level of each node
    private final IntBuffer level0;     // per node: count, then m0 slots
    private final IntBuffer upperAt;    // per node: offset into upper, or -1
    private final IntBuffer upper;      // per node and level >= 1: count, then m slots

    private Hnsw(Vectors vectors, int m, int entry, int maxLevel, IntBuffer levels, IntBuffer level0, IntBuffer upperAt, IntBuffer upper) {
        this.vectors = vectors;
        this.m = m;
        this.m0 = 2 * m;
        this.entry = entry;
        this.maxLevel = maxLevel;
        this.levels = levels;
        this.level0 = level0;
        this.upperAt = upperAt;
        this.upper = upper;
    }

    // ---- search ---------------------------------------------------------------------------------

    /** The {@code k} allowed nodes most similar to unit vector {@code q}, best first, exploring {@code ef} candidates. */
    List<Ranked> search(float[] q, int k, int ef, BitSet allowed) {
        if (entry < 0) return List.of();
        float[] scratch = new float[vectors.dims()];
        int cur = entry;
        float curSim = vectors.dot(cur, q, scratch);
        for (int level = maxLevel; level > 0; level--) {
            boolean changed = true;
            while (changed) {
                changed = false;
                int base = upperBase(cur, level);
                int count = upper.get(base);
                for (int j = 1; j <= count; j++) {
                    int nb = upper.get(base + j);
                    float s = vectors.dot(nb, q, scratch);
                    if (s > curSim) {
                        curSim = s;
                        cur = nb;
                        changed = true;
                    }
                }
            }
        }
        PriorityQueue<Ranked> found = layer0(q, cur, curSim, Math.max(ef, k), allowed, scratch);
        List<Ranked> out = new ArrayList<>(found);
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out.size() > k ? out.subList(0, k) : out;
    }

    private PriorityQueue<Ranked> layer0(float[] q, int start, float startSim, int ef, BitSet allowed, float[] scratch) {
        BitSet visited = new BitSet(vectors.size());
        PriorityQueue<Ranked> candidates = new PriorityQueue<>((a, b) -> Double.compare(b.score(), a.score()));
        PriorityQueue<Ranked> results = new PriorityQueue<>((a, b) -> Double.compare(a.score(), b.score()));
        visited.set(start);
        candidates.add(new Ranked(start, startSim));
        if (allowed == null || allowed.get(start)) results.add(new Ranked(start, startSim));
        while (!candidates.isEmpty()) {
            Ranked c = candidates.poll();
            if (results.size() >= ef && c.score() < results.peek().score()) break;
            int base = c.index() * (m0 + 1);
            int count = level0.get(base);
            for (int j = 1; j <= count; j++) {
                int nb = level0.get(base + j);
                if (visited.get(nb)) continue;
                visited.set(nb);
                float s = vectors.dot(nb, q, scratch);
                if (results.size() < ef || s > results.peek().score()) {
                    candidates.add(new Ranked(nb, s));
                    if (allowed == null || allowed.get(nb)) {
                        results.add(new Ranked(nb, s));
                        if (results.size() > ef) results.poll();
                    }
                }
            }
        }
        return results;
    }

    private int upperBase(int node, int level) {
        return upperAt.get(node) + (level - 1) * (m + 1);
    }

    // ---- build ----------------------------------------------------------------------------------

    /** Builds the graph over all vectors; {@code progress} hears each inserted node number. */
    static Hnsw build(Vectors vectors, int m, int efConstruction, long seed, IntConsumer progress) {
        return new Builder(vectors, m, efConstruction, seed).build(progress);
    }

    private static final class Builder {
        final Vectors v;
        final int m, m0, efc;
        final double levelMult;
        final SplittableRandom random;
        final int n;
        final int[] levels;
        final int[][] links0;      // per node: neighbours at level 0
        final int[] count0;
        final int[][][] linksUp;   // per node, per level >= 1
        final int[][] countUp;
        int entry = -1, maxLevel = -1;

        Builder(Vectors v, int m, int efc, long seed) {
            this.v = v;
            this.m = m;
            this.m0 = 2 * m;
            this.efc = efc;
            this.levelMult = 1 / Math.log(m);
            this.random = new SplittableRandom(seed);
            this.n = v.size();
            this.levels = new int[n];
            this.links0 = new int[n][];
            this.count0 = new int[n];
            this.linksUp = new int[n][][];
            this.countUp = new int[n][];
        }

        Hnsw build(IntConsumer progress) {
            for (int i = 0; i < n; i++) {
                insert(i);
                if (progress != null) progress.accept(i + 1);
            }
            return freeze();
        }

        private void insert(int node) {
            int level = (int) Math.floor(-Math.log(1 - random.nextDouble()) * levelMult);
            levels[node] = level;
            links0[node] = new int[m0];
            linksUp[node] = new int[level][m];
            countUp[node] = new int[level];
            if (entry < 0) {
                entry = node;
                maxLevel = level;
                return;
            }
            float[] q = v.row(node);
            int cur = entry;
            float curSim = v.dot(cur, q);
            for (int l = maxLevel; l > level; l--) {
                boolean changed = true;
                while (changed) {
                    changed = false;
                    int[] nbs = linksUp[cur][l - 1];
                    for (int j = 0; j < countUp[cur][l - 1]; j++) {
                        float s = v.dot(nbs[j], q);
                        if (s > curSim) {
                            curSim = s;
                            cur = nbs[j];
                            changed = true;
                        }
                    }
                }
            }
            List<Ranked> eps = List.of(new Ranked(cur, curSim));
            for (int l = Math.min(level, maxLevel); l >= 0; l--) {
                List<Ranked> found = searchLayer(q, eps, l);
                int max = l == 0 ? m0 : m;
                List<Ranked> chosen = select(found, m);
                for (Ranked c : chosen) {
                    add(node, l, c.index());
                    connect(c.index(), l, node, max);
                }
                eps = found;
            }
            if (level > maxLevel) {
                maxLevel = level;
                entry = node;
            }
        }

        /** Adds nb to node's list at level l (the caller guarantees room). */
        private void add(int node, int l, int nb) {
            if (l == 0) links0[node][count0[node]++] = nb;
            else linksUp[node][l - 1][countUp[node][l - 1]++] = nb;
        }

        /** Links node → nb, shrinking a full list with the same neighbour heuristic, which keeps clusters linked to each other. */
        private void connect(int node, int l, int nb, int max) {
            int[] list = l == 0 ? links0[node] : linksUp[node][l - 1];
            int count = l == 0 ? count0[node] : countUp[node][l - 1];
            if (count < max) {
                list[count] = nb;
                if (l == 0) count0[node]++;
                else countUp[node][l - 1]++;
                return;
            }
            List<Ranked> all = new ArrayList<>(count + 1);
            for (int j = 0; j < count; j++) all.add(new Ranked(list[j], v.dot(list[j], node)));
            all.add(new Ranked(nb, v.dot(nb, node)));
            all.sort((a, b) -> Double.compare(b.score(), a.score()));
            List<Ranked> kept = select(all, max);
            for (int j = 0; j < kept.size(); j++) list[j] = kept.get(j).index();
            if (l == 0) count0[node] = kept.size();
            else countUp[node][l - 1] = kept.size();
        }

        /**
         * The neighbour-selection heuristic: take candidates best first, skipping one that is closer
         * to an already chosen neighbour than to the base, which keeps links spread across clusters.
         * Input sorted best first.
         */
        private List<Ranked> select(List<Ranked> sorted, int max) {
            List<Ranked> out = new ArrayList<>(max);
            List<Ranked> pruned = new ArrayList<>();
            for (Ranked c : sorted) {
                if (out.size() >= max) break;
                boolean good = true;
                for (Ranked o : out) {
                    if (v.dot(o.index(), c.index()) > c.score()) {
                        good = false;
                        break;
                    }
                }
                if (good) out.add(c);
                else pruned.add(c);
            }
            for (int i = 0; i < pruned.size() && out.size() < max; i++) out.add(pruned.get(i));
            return out;
        }

        private List<Ranked> searchLayer(float[] q, List<Ranked> eps, int l) {
            BitSet visited = new BitSet(n);
            PriorityQueue<Ranked> candidates = new PriorityQueue<>((a, b) -> Double.compare(b.score(), a.score()));
            PriorityQueue<Ranked> results = new PriorityQueue<>((a, b) -> Double.compare(a.score(), b.score()));
            for (Ranked e : eps) {
                visited.set(e.index());
                candidates.add(e);
                results.add(e);
            }
            while (results.size() > efc) results.poll();
            while (!candidates.isEmpty()) {
                Ranked c = candidates.poll();
                if (results.size() >= efc && c.score() < results.peek().score()) break;
                int[] nbs = l == 0 ? links0[c.index()] : linksUp[c.index()][l - 1];
                int count = l == 0 ? count0[c.index()] : countUp[c.index()][l - 1];
                for (int j = 0; j < count; j++) {
                    int nb = nbs[j];
                    if (visited.get(nb)) continue;
                    visited.set(nb);
                    float s = v.dot(nb, q);
                    if (results.size() < efc || s > results.peek().score()) {
                        Ranked sc = new Ranked(nb, s);
                        candidates.add(sc);
                        results.add(sc);
                        if (results.size() > efc) results.poll();
                    }
                }
            }
            List<Ranked> out = new ArrayList<>(results);
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            return out;
        }

        private Hnsw freeze() {
            int[] lv = levels.clone();
            int[] l0 = new int[n * (m0 + 1)];
            int[] at = new int[n];
            int upperSize = 0;
            for (int i = 0; i < n; i++) upperSize += levels[i] * (m + 1);
            int[] up = new int[upperSize];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                l0[i * (m0 + 1)] = count0[i];
                System.arraycopy(links0[i], 0, l0, i * (m0 + 1) + 1, count0[i]);
                if (levels[i] == 0) {
                    at[i] = -1;
                    continue;
                }
                at[i] = pos;
                for (int l = 1; l <= levels[i]; l++) {
                    up[pos] = countUp[i][l - 1];
                    System.arraycopy(linksUp[i][l - 1], 0, up, pos + 1, countUp[i][l - 1]);
                    pos += m + 1;
                }
            }
            return new Hnsw(v, m, entry, maxLevel, IntBuffer.wrap(lv), IntBuffer.wrap(l0), IntBuffer.wrap(at), IntBuffer.wrap(up));
        }
    }

    // ---- persistence ----------------------------------------------------------------------------

    int m0() {
        return m0;
    }

    long byteSize() {
        return 4L * (5 + levels.capacity() + level0.capacity() + upperAt.capacity() + upper.capacity());
    }

    void writeTo(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(levels.capacity()).putInt(m).putInt(entry).putInt(maxLevel).putInt(upper.capacity());
        for (IntBuffer b : List.of(levels, level0, upperAt, upper)) {
            for (int i = 0; i < b.capacity(); i++) out.putInt(b.get(i));
        }
    }

    static Hnsw read(ByteBuffer in, Vectors vectors) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(), m = b.getInt(), entry = b.getInt(), maxLevel = b.getInt(), upperSize = b.getInt();
        if (n != vectors.size()) throw new IllegalStateException("graph has " + n + " nodes, vectors " + vectors.size());
        IntBuffer levels = ints(b, n);
        IntBuffer level0 = ints(b, n * (2 * m + 1));
        IntBuffer upperAt = ints(b, n);
        IntBuffer upper = ints(b, upperSize);
        return new Hnsw(vectors, m, entry, maxLevel, levels, level0, upperAt, upper);
    }

    private static IntBuffer ints(ByteBuffer b, int count) {
        ByteBuffer s = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        s.limit(count * 4);
        b.position(b.position() + count * 4);
        int[] out = new int[count];
        s.asIntBuffer().get(out);
        return IntBuffer.wrap(out);
    }
}
