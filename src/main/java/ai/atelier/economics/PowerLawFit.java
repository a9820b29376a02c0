package ai.atelier.economics;

import java.util.List;

/**
 * How coordination overhead grows with the number of model steps k: a least-squares line through
 * (ln k, ln overhead), i.e. overhead ≈ b·k^m. m near 1 means each step adds about the same
 * overhead; m above 1 means every extra step costs more than the last (decomposition stops
 * paying). R² is measured in log space. Points with k ≤ 0 or overhead ≤ 0 cannot be logged and
 * are left out; {@code excluded} says how many.
 */
public record PowerLawFit(double b, double m, double r2, int n, int excluded) {

    /** A point: k model steps, overhead measured. */
    public record Point(double k, double overhead) {}

    /**
     * Distinct values of k a fit needs. Through two values any two points lie on a power law with
     * R² = 1, so an exponent from two k says nothing about how overhead grows; three is the least
     * that can disagree with the curve.
     */
    public static final int MIN_DISTINCT_K = 3;

    /** The distinct k among the points that can be log-fitted (positive k and overhead), in order. */
    public static java.util.SortedSet<Double> distinctK(List<Point> points) {
        java.util.SortedSet<Double> ks = new java.util.TreeSet<>();
        for (Point p : points) if (p.k() > 0 && p.overhead() > 0) ks.add(p.k());
        return ks;
    }

    /** The fit, or null when fewer than {@value #MIN_DISTINCT_K} distinct k remain after leaving out non-positive points. */
    public static PowerLawFit fit(List<Point> points) {
        if (distinctK(points).size() < MIN_DISTINCT_K) return null;
        int n = 0, excluded = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        double firstX = Double.NaN;
        boolean distinct = false;
        for (Point p : points) {
            if (!(p.k() > 0) || !(p.overhead() > 0)) {
                excluded++;
                continue;
            }
            double x = Math.log(p.k()), y = Math.log(p.overhead());
            if (n == 0) firstX = x;
            else if (x != firstX) distinct = true;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n < 2 || !distinct) return null;
        double m = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double a = (sy - m * sx) / n;
        double meanY = sy / n, ssTot = 0, ssRes = 0;
        for (Point p : points) {
            if (!(p.k() > 0) || !(p.overhead() > 0)) continue;
            double x = Math.log(p.k()), y = Math.log(p.overhead());
            ssTot += (y - meanY) * (y - meanY);
            ssRes += (y - (a + m * x)) * (y - (a + m * x));
        }
        double r2 = ssTot == 0 ? 1.0 : 1 - ssRes / ssTot;
        return new PowerLawFit(Math.exp(a), m, r2, n, excluded);
    }

    public double at(double k) {
        return b * Math.pow(k, m);
    }
}
