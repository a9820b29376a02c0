package ai.atelier.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The running cost of one site generation, shared by the meters of all its steps, so a per-site
 * budget can be enforced across steps and parallel calls. Sums are kept in tenths of a
 * micro-dollar (integers), so they are exact; calls whose price is unknown are counted, never
 * treated as free.
 */
public final class CostLedger {
    private long tenthMicros;
    private int unknownPriced;
    private final Map<String, Long> byRole = new TreeMap<>();

    public synchronized void add(ModelCall call) {
        if (call.costUsd() == null) {
            unknownPriced++;
            return;
        }
        long t = Math.round(call.costUsd() * 1e7);
        tenthMicros += t;
        byRole.merge(call.role() == null ? "?" : call.role(), t, Long::sum);
    }

    /** USD spent on calls with a known price. */
    public synchronized double spentUsd() {
        return tenthMicros / 1e7;
    }

    /** How many calls had no known price (their cost is unknown, not zero). */
    public synchronized int unknownPricedCalls() {
        return unknownPriced;
    }

    /** Known cost per role, USD. */
    public synchronized Map<String, Double> byRole() {
        Map<String, Double> m = new TreeMap<>();
        byRole.forEach((k, v) -> m.put(k, v / 1e7));
        return m;
    }
}
