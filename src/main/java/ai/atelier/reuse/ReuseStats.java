package ai.atelier.reuse;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How often each reusable step found its output in the store: the figures a batch report shows as
 * hit rates per step (artist, retrieval). {@code tooLarge} counts outputs over the entry bound, which
 * were not stored. Stats of several stores (one per executor) add up with {@link #plus}.
 */
public record ReuseStats(Map<String, Step> steps) {
    public ReuseStats {
        steps = Map.copyOf(steps);
    }

    /** One step's counts. */
    public record Step(long hits, long misses, long tooLarge) {
        public double hitRate() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }

        Step plus(Step o) {
            return new Step(hits + o.hits, misses + o.misses, tooLarge + o.tooLarge);
        }
    }

    public ReuseStats plus(ReuseStats o) {
        Map<String, Step> m = new java.util.TreeMap<>(steps);
        o.steps.forEach((k, v) -> m.merge(k, v, Step::plus));
        return new ReuseStats(m);
    }

    /** "artist 3 hits / 1 miss (75%), retrieval 2 hits / 2 misses (50%)", or "nothing looked up". */
    public String describe() {
        if (steps.isEmpty()) return "nothing looked up";
        return new java.util.TreeMap<>(steps).entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %d hit%s / %d miss%s (%.0f%%)",
                e.getKey(), e.getValue().hits(), e.getValue().hits() == 1 ? "" : "s", e.getValue().misses(),
                e.getValue().misses() == 1 ? "" : "es", 100 * e.getValue().hitRate())).collect(Collectors.joining(", "));
    }
}
