package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QA persona's deterministic half: runs every check on a site and scores it. The score (0–100)
 * is the weighted share of non-skipped checks that passed, with weights and severities from
 * {@link QualityConfig}; the gate fails on any blocking failure. A check that crashes counts as
 * failed, never as passed. The agent owns at most one headless browser, started on first use and
 * reused for every site it reviews; close the agent to stop it.
 */
public final class QaAgent implements AutoCloseable {
    private final List<QualityCheck> checks;
    private final QualityConfig config;
    private final PageAudits audits;

    public QaAgent(List<QualityCheck> checks, Map<String, Double> weights) {
        this(checks, new QualityConfig(weights, Map.of(), false, null, 2, false), PageAudits.disabled("browser checks not configured"));
    }

    private QaAgent(List<QualityCheck> checks, QualityConfig config, PageAudits audits) {
        this.checks = List.copyOf(checks);
        this.config = config;
        this.audits = audits;
    }

    /** Every standard check under {@code config}; browser checks run when it enables a browser. */
    public static QaAgent create(QualityConfig config) {
        PageAudits audits = config.browserEnabled() && config.chromium() != null
                ? PageAudits.using(new ChromiumBrowser(config.chromium()))
                : PageAudits.disabled("browser checks disabled (--no-browser, ATELIER_BROWSER=off or browser.enabled: false)");
        return new QaAgent(StandardChecks.all(audits), config, audits);
    }

    /** The standard checks with the bundled weights and the browser when one is installed. */
    public static QaAgent standard() {
        return create(QualityConfig.defaults());
    }

    public QualityConfig config() {
        return config;
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
            CheckResult.Severity s = config.severity(r.name(), r.severity());
            if (s != r.severity()) r = new CheckResult(r.name(), r.status(), s, r.details(), r.locations());
            results.add(r);
        }
        double total = 0, got = 0;
        boolean passed = true;
        for (CheckResult r : results) {
            if (r.status() == CheckResult.Status.SKIPPED) continue;
            double w = config.weight(r.name());
            total += w;
            if (r.passed()) got += w;
            else if (r.severity() == CheckResult.Severity.BLOCKING) passed = false;
        }
        int score = total == 0 ? 0 : (int) Math.round(100 * got / total);
        return new QualityReport(score, passed, results);
    }

    /** True once a browser has been started (it stays up for the next site until {@link #close()}). */
    boolean browserRunning() {
        return audits.browserRunning();
    }

    /** How many browsers this agent has started: at most one, however many sites it reviews. */
    int browserLaunches() {
        return audits.browserLaunches();
    }

    @Override
    public void close() {
        audits.close();
    }
}
