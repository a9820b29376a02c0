package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** The best {@code k} (index, score) pairs seen, kept in a small heap; ties go to the lower index. */
final class TopK {
    private final int k;
    private final PriorityQueue<Ranked> heap;

    TopK(int k) {
        this.k = Math.max(1, k);
        this.heap = new PriorityQueue<>(Math.min(this.k, 1024) + 1, TopK::worstFirst);
    }

    private static int worstFirst(Ranked a, Ranked b) {
        int c = Double.compare(a.score(), b.score());
        return c != 0 ? c : Integer.compare(b.index(), a.index());
    }

    void offer(int index, double score) {
        if (heap.size() < k) {
            heap.add(new Ranked(index, score));
        } else {
            Ranked worst = heap.peek();
            if (score > worst.score() || (score == worst.score() && index < worst.index())) {
                heap.poll();
                heap.add(new Ranked(index, score));
            }
        }
    }

    /** Best first. */
    List<Ranked> sorted() {
        List<Ranked> out = new ArrayList<>(heap);
        out.sort((a, b) -> worstFirst(b, a));
        return out;
    }
}
