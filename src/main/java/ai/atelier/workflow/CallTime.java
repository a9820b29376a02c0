package ai.atelier.workflow;

import ai.atelier.model.ModelCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time spent inside model calls: the union of their intervals within a step, so the artist's
 * parallel calls count once. What is left of a step's duration is orchestration: prompt
 * rendering, parsing, hand-offs, fan-out and writing files.
 */
final class CallTime {
    private CallTime() {}

    static long union(List<ModelCall> calls, long from, long to) {
        List<long[]> spans = new ArrayList<>();
        for (ModelCall c : calls) {
            long s = Math.max(from, c.startMs());
            long e = Math.min(to, c.startMs() + c.durationMs());
            if (e > s) spans.add(new long[] {s, e});
        }
        spans.sort(Comparator.comparingLong(a -> a[0]));
        long total = 0, curS = -1, curE = -1;
        for (long[] sp : spans) {
            if (sp[0] > curE) {
                total += curE - curS;
                curS = sp[0];
                curE = sp[1];
            } else {
                curE = Math.max(curE, sp[1]);
            }
        }
        return total + (curE - curS);
    }
}
