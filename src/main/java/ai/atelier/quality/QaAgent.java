package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QA persona's deterministic half: runs every check on a site and scores it. The score is the
 * weighted share of non-skipped checks that passed; the gate fails on any blocking failure. A
 * check that crashes counts as failed, never as passed.
 */
public final class QaAgent {
    private final List<QualityCheck> checks;
    private final Map<String, Double> weights;

    public QaAgent(List<QualityCheck> checks, Map<String, Double> weights) {
        this.checks = List.copyOf(checks);
        this.weights = Map.copyOf(weights);
    }

    /** The standard checks with equal weights. */
    public static QaAgent standard() {
        return new QaAgent(StandardChecks.all(), Map.of());
    }

    public QualityReport review(SiteUnderTest site) {
        List<CheckResult> results = new ArrayList<>();
        for (QualityCheck c : checks) {
            CheckResult r;
            try {
                r = c.check(site);
            } catch (RuntimeException e) {
                r = CheckResult.fail(c, "check crashed: " + e, List.of());
            }
            results.add(r);
        }
        double total = 0, got = 0;
        boolean passed = true;
        for (CheckResult r : results) {
            if (r.status() == CheckResult.Status.SKIPPED) continue;
            double w = weights.getOrDefault(r.name(), 1.0);
            total += w;
            if (r.passed()) got += w;
            else if (r.severity() == CheckResult.Severity.BLOCKING) passed = false;
        }
        int score = total == 0 ? 0 : (int) Math.round(100 * got / total);
        return new QualityReport(score, passed, results);
    }
}
