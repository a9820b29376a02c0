package ai.atelier.bench;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of repeated measurements (nearest-rank). */
final class Stats {
    private Stats() {}

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
