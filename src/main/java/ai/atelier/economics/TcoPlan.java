package ai.atelier.economics;

import ai.atelier.AtelierException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs of a total-cost-of-ownership projection: today's monthly sites, their monthly
 * growth, the horizon, the share of sites served from cache (a cached site costs no model calls),
 * and for each design its model cost per site and its engineering cost, up front and per month.
 */
public record TcoPlan(double sitesPerMonth, double growthPerMonth, int months, double cacheHitRate, List<Design> designs) {
    public static final int MAX_MONTHS = 240;

    /**
     * One way to build the product, e.g. a workflow, with what it costs. {@code curve}: measured cost
     * per site at batch sizes (from atelier batch reports); when given, a month's cost per site is read
     * off it at that month's volume (see {@link #costPerSiteAt}) instead of the constant.
     */
    public record Design(String name, double costPerSiteUsd, double upfrontUsd, double monthlyUsd, List<CostPoint> curve) {
        public Design(String name, double costPerSiteUsd, double upfrontUsd, double monthlyUsd) {
            this(name, costPerSiteUsd, upfrontUsd, monthlyUsd, List.of());
        }

        public Design {
            curve = curve == null ? List.of() : curve.stream().sorted(java.util.Comparator.comparingDouble(CostPoint::sites)).toList();
            if (name == null || name.isBlank()) throw new AtelierException("a design needs a name (name=usd)", "design", null);
            if (!(costPerSiteUsd >= 0) || !(upfrontUsd >= 0) || !(monthlyUsd >= 0) || Double.isInfinite(costPerSiteUsd + upfrontUsd + monthlyUsd)) {
                throw new AtelierException("design " + name + ": costs must be finite and not negative", "design", null);
            }
        }

        /**
         * Cost per site in a month of {@code sites} sites: the constant without a curve; with one, linear in
         * log(sites) between the measured points and flat beyond the first and the last.
         */
        public double costPerSiteAt(double sites) {
            if (curve.isEmpty()) return costPerSiteUsd;
            CostPoint first = curve.get(0), last = curve.get(curve.size() - 1);
            if (sites <= first.sites()) return first.costPerSiteUsd();
            if (sites >= last.sites()) return last.costPerSiteUsd();
            for (int i = 1; i < curve.size(); i++) {
                CostPoint a = curve.get(i - 1), b = curve.get(i);
                if (sites <= b.sites()) {
                    double t = (Math.log(sites) - Math.log(a.sites())) / (Math.log(b.sites()) - Math.log(a.sites()));
                    return a.costPerSiteUsd() + t * (b.costPerSiteUsd() - a.costPerSiteUsd());
                }
            }
            return last.costPerSiteUsd();
        }
    }

    /** A measured cost per site at a batch of {@code sites} sites. */
    public record CostPoint(double sites, double costPerSiteUsd) {
        public CostPoint {
            if (!(sites > 0) || !(costPerSiteUsd >= 0) || Double.isInfinite(sites + costPerSiteUsd)) {
                throw new AtelierException("a measured cost point needs sites > 0 and a cost per site of 0 or more", "from-batch", null);
            }
        }
    }

    public TcoPlan {
        designs = List.copyOf(designs);
        if (!(sitesPerMonth >= 0) || Double.isInfinite(sitesPerMonth)) throw new AtelierException("--sites must be 0 or more, got " + sitesPerMonth, "sites", null);
        if (!(growthPerMonth > -1) || growthPerMonth > 10) throw new AtelierException("--growth must be above -100% and at most 1000% a month, got " + growthPerMonth, "growth", null);
        if (months < 1 || months > MAX_MONTHS) throw new AtelierException("--months must be 1.." + MAX_MONTHS + ", got " + months, "months", null);
        if (!(cacheHitRate >= 0 && cacheHitRate <= 1)) throw new AtelierException("--cache-hit-rate must be within 0..1 (or 0%..100%), got " + cacheHitRate, "cache-hit-rate", null);
        if (designs.isEmpty()) throw new AtelierException("give at least one design: --design name=usd, or --from-compare report.json", "design", null);
        Set<String> names = new HashSet<>();
        for (Design d : designs) if (!names.add(d.name())) throw new AtelierException("design " + d.name() + " is given twice", "design", null);
    }

    /** Sites in month {@code m} (1-based): today's volume grown by the monthly rate, compounded. */
    public double sitesIn(int m) {
        return sitesPerMonth * Math.pow(1 + growthPerMonth, m - 1);
    }
}
