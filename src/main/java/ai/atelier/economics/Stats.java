package ai.atelier.economics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Summary statistics over a sample, as the comparison reports them. Percentiles interpolate
 * linearly between order statistics (the same definition as NumPy's default and Excel's
 * PERCENTILE.INC), so p50 of an even sample is the mean of the middle two.
 */
public final class Stats {
    private Stats() {}

    /** The p-th percentile (0..100) of the non-null values; null for an empty sample. */
    public static Double percentile(Collection<? extends Number> values, double p) {
        if (p < 0 || p > 100) throw new IllegalArgumentException("percentile must be within 0..100, got " + p);
        List<Double> v = sorted(values);
        if (v.isEmpty()) return null;
        double rank = p / 100.0 * (v.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return v.get(lo) + (rank - lo) * (v.get(hi) - v.get(lo));
    }

    public static Double mean(Collection<? extends Number> values) {
        List<Double> v = sorted(values);
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    public static Double min(Collection<? extends Number> values) {
        List<Double> v = sorted(values);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Mean, p50 and p95 of a sample; every field null when the sample is empty. */
    public record Summary(Double mean, Double p50, Double p95, int n) {
        public static Summary of(Collection<? extends Number> values) {
            long n = values.stream().filter(Objects::nonNull).count();
            return new Summary(Stats.mean(values), Stats.percentile(values, 50), Stats.percentile(values, 95), (int) n);
        }
    }

    private static List<Double> sorted(Collection<? extends Number> values) {
        List<Double> v = new ArrayList<>();
        for (Number n : values) if (n != null) v.add(n.doubleValue());
        v.sort(Double::compare);
        return v;
    }
}
