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

    /** One way to build the product, e.g. a workflow, with what it costs. */
    public record Design(String name, double costPerSiteUsd, double upfrontUsd, double monthlyUsd) {
        public Design {
            if (name == null || name.isBlank()) throw new AtelierException("a design needs a name (name=usd)", "design", null);
            if (!(costPerSiteUsd >= 0) || !(upfrontUsd >= 0) || !(monthlyUsd >= 0) || Double.isInfinite(costPerSiteUsd + upfrontUsd + monthlyUsd)) {
                throw new AtelierException("design " + name + ": costs must be finite and not negative", "design", null);
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
