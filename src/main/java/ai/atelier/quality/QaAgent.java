package ai.atelier.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The QA persona's deterministic half: runs every check on a site and scores it. The score (0–100)
 * is the weighted share of non-skipped checks that passed, with weights and severities from
 * {@link QualityConfig}; the gate fails on any blocking failure. A check that crashes counts as
 * failed, never as passed. The agent owns at most one headless browser, started on first use and
 * reused for every site it reviews; close the agent to stop it.
 */
public final class QaAgent implements AutoCloseable {
    /** Where heavy checks run: one thread per core, shared by every QA agent (the work is CPU; more would only queue). */
    private static final ExecutorService HEAVY = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "atelier-qa-heavy");
        t.setDaemon(true);
        return t;
    });
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
        // Heavy checks start on the QA pool first; the light ones run here meanwhile. Results keep the checks' order.
        List<CompletableFuture<CheckResult>> pending = new ArrayList<>();
        for (QualityCheck c : checks) {
            pending.add(c.heavy() ? CompletableFuture.supplyAsync(() -> run(c, site), HEAVY) : null);
        }
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            CheckResult r = pending.get(i) == null ? run(checks.get(i), site) : null;
            results.add(r);
        }
        for (int i = 0; i < checks.size(); i++) {
            if (pending.get(i) != null) results.set(i, pending.get(i).join());
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

    private CheckResult run(QualityCheck c, SiteUnderTest site) {
        CheckResult r;
        try {
            r = c.check(site);
        } catch (RuntimeException e) {
            r = CheckResult.fail(c, "check crashed: " + e, List.of());
        }
        CheckResult.Severity s = config.severity(r.name(), r.severity());
        return s == r.severity() ? r : new CheckResult(r.name(), r.status(), s, r.details(), r.locations());
    }

    /**
     * What starting QA's validators has cost this process so far, in ms, by what: compiling the W3C
     * checker's schemas (the first pages pay it) and starting Chromium (the first browser check pays
     * it). Both happen inside a QA step, on first use; timings report them apart.
     */
    public Map<String, Long> startUpMillis() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("w3c-checker-schemas", NuChecker.shared().setUpMillis());
        m.put("chromium", audits.browserLaunchMillis());
        return m;
    }

    /**
     * Starts, in the background, what this agent's first review needs: the browser (when browser checks
     * are on) and, when a check uses it, a W3C checker with its schemas compiled. Returns at once; a review that comes first
     * waits for what it needs, and a start that failed is reported by the check that needed it.
     */
    public void warmUp() {
        audits.prestart();
        if (checks.stream().noneMatch(c -> c instanceof HtmlValidityCheck || c instanceof CssValidityCheck)) return;
        try {
            HEAVY.execute(NuChecker.shared()::warmUp);
        } catch (RejectedExecutionException e) {
            // the pool is never shut down; nothing to warm if it were
        }
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
