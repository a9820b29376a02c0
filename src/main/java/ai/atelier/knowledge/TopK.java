package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code k} (index, score) pairs seen, in a primitive min-heap (no object per offer, since
 * a lexical query may offer every one of 100,000 chunks); ties go to the lower index.
 */
final class TopK {
    private final int k;
    private int[] ids;
    private double[] scores;
    private int size;

    TopK(int k) {
        this.k = Math.max(1, k);
        int cap = Math.min(this.k, 64);
        this.ids = new int[cap];
        this.scores = new double[cap];
    }

    /** True when (a) ranks below (b). */
    private boolean worse(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
    }

    void offer(int index, double score) {
        if (size == ids.length && size < k) {
            int cap = (int) Math.min(k, 2L * size);
            ids = java.util.Arrays.copyOf(ids, cap);
            scores = java.util.Arrays.copyOf(scores, cap);
        }
        if (size < ids.length) {
            ids[size] = index;
            scores[size] = score;
            up(size++);
        } else if (score > scores[0] || (score == scores[0] && index < ids[0])) {
            ids[0] = index;
            scores[0] = score;
            down(0);
        }
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(i, parent)) break;
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && worse(l, m)) m = l;
            if (r < size && worse(r, m)) m = r;
            if (m == i) return;
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int t = ids[a];
        ids[a] = ids[b];
        ids[b] = t;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }

    /** Best first. */
    List<Ranked> sorted() {
        List<Ranked> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(new Ranked(ids[i], scores[i]));
        out.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        });
        return out;
    }
}
