package ai.atelier.economics;

import ai.atelier.economics.TcoPlan.Design;
import java.util.ArrayList;
import java.util.List;

/**
 * The month-by-month cost of each design over the horizon and where their cumulative costs
 * cross. Month 0 holds the up-front engineering cost; month m adds the sites of that month not
 * served from cache times the cost per site, plus the monthly engineering cost. Two designs break
 * even in the first month whose cumulative order is the reverse of month 0's: the design that
 * cost more up front has become the cheaper one overall.
 */
public record TcoProjection(TcoPlan plan, List<Month> months, List<BreakEven> breakEvens) {

    /** One month: sites made, and per design (in plan order) that month's cost and the cumulative cost. */
    public record Month(int month, double sites, List<Double> monthlyUsd, List<Double> cumulativeUsd) {}

    /** Where two designs cross; {@code month} is null when they do not within the horizon. */
    public record BreakEven(String costlierUpfront, String cheaperUpfront, Integer month, String verdict) {}

    public static TcoProjection of(TcoPlan plan) {
        int n = plan.designs().size();
        List<Month> months = new ArrayList<>();
        double[] cum = new double[n];
        List<Double> monthly0 = new ArrayList<>(), cum0 = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            cum[d] = plan.designs().get(d).upfrontUsd();
            monthly0.add(cum[d]);
            cum0.add(cum[d]);
        }
        months.add(new Month(0, 0, monthly0, cum0));
        for (int m = 1; m <= plan.months(); m++) {
            double sites = plan.sitesIn(m);
            List<Double> monthly = new ArrayList<>(), cumulative = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                Design des = plan.designs().get(d);
                double usd = sites * (1 - plan.cacheHitRate()) * des.costPerSiteAt(sites) + des.monthlyUsd();
                cum[d] += usd;
                monthly.add(usd);
                cumulative.add(cum[d]);
            }
            months.add(new Month(m, sites, monthly, cumulative));
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) breakEvens.add(breakEven(plan, months, a, b));
        }
        return new TcoProjection(plan, months, breakEvens);
    }

    static BreakEven breakEven(TcoPlan plan, List<Month> months, int a, int b) {
        String na = plan.designs().get(a).name(), nb = plan.designs().get(b).name();
        double d0 = diff(months.get(0), a, b);
        if (d0 == 0) {
            for (Month m : months) {
                double d = diff(m, a, b);
                if (d != 0) return new BreakEven(null, null, null, "same up-front cost; " + (d < 0 ? na : nb) + " is cheaper from month " + m.month() + " on");
            }
            return new BreakEven(null, null, null, na + " and " + nb + " cost the same throughout");
        }
        String costlier = d0 > 0 ? na : nb, cheaper = d0 > 0 ? nb : na;
        for (Month m : months) {
            double d = diff(m, a, b);
            if (Math.signum(d) != Math.signum(d0)) {
                return new BreakEven(costlier, cheaper, m.month(), costlier + " pays back its higher up-front cost in month " + m.month()
                        + (d == 0 ? " (equal that month)" : "; cheaper overall from then on"));
            }
        }
        return new BreakEven(costlier, cheaper, null, costlier + " does not pay back its higher up-front cost within " + plan.months() + " months; "
                + cheaper + " stays cheaper");
    }

    private static double diff(Month m, int a, int b) {
        double d = m.cumulativeUsd().get(a) - m.cumulativeUsd().get(b);
        return Math.abs(d) < 1e-9 ? 0 : d;
    }
}
