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
 * The QA persona's deterministic half: runs every check on a site and scores it. Each check counts
 * in one graded sub-score (technical, accessibility, policy, personalization, grounding, copy):
 * the weighted credit of its checks that ran; the score (0–100) is the weighted mean of the
 * sub-scores, with weights, thresholds and severities from {@link QualityConfig}. The gate fails
 * on any blocking failure and on any sub-score below its threshold. A check that crashes counts as
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
    private final java.util.Set<String> browserChecks;

    public QaAgent(List<QualityCheck> checks, Map<String, Double> weights) {
        this(checks, new QualityConfig(weights, Map.of(), false, null, 2, false, QualityConfig.defaults().categories(), QualityConfig.defaults().axes()),
                PageAudits.disabled("browser checks not configured"));
    }

    private QaAgent(List<QualityCheck> checks, QualityConfig config, PageAudits audits) {
        this.checks = List.copyOf(checks);
        this.config = config;
        this.audits = audits;
        this.browserChecks = checks.stream().filter(c -> c instanceof BrowserCheck).map(QualityCheck::name).collect(java.util.stream.Collectors.toSet());
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
        return score(results);
    }

    /** The sub-scores, overall score, gate and summary of a page's check results under this agent's config. */
    QualityReport score(List<CheckResult> results) {
        boolean passed = true;
        for (CheckResult r : results) {
            if (r.status() == CheckResult.Status.FAIL && r.severity() == CheckResult.Severity.BLOCKING) passed = false;
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        config.axes().keySet().forEach(a -> {
            sums.put(a, new double[2]);
            members.put(a, new ArrayList<>());
        });
        for (CheckResult r : results) {
            String cat = config.category(r.name());
            sums.computeIfAbsent(cat, k -> new double[2]);
            members.computeIfAbsent(cat, k -> new ArrayList<>()).add(r.name());
            if (r.status() == CheckResult.Status.SKIPPED) continue;
            double w = config.weight(r.name());
            sums.get(cat)[0] += w;
            sums.get(cat)[1] += w * r.earned();
        }
        List<Subscore> subscores = new ArrayList<>();
        double total = 0, got = 0;
        for (var e : sums.entrySet()) {
            QualityConfig.Axis axis = config.axes().getOrDefault(e.getKey(), new QualityConfig.Axis(1, 0));
            double[] s = e.getValue();
            Integer score = s[0] == 0 ? null : (int) Math.floor(100 * s[1] / s[0] + 1e-9);
            boolean ok = score == null || score >= axis.threshold();
            if (!ok) passed = false;
            subscores.add(new Subscore(e.getKey(), score, axis.weight(), axis.threshold(), ok, members.get(e.getKey())));
            if (score != null) {
                total += axis.weight();
                got += axis.weight() * score;
            }
        }
        int score = total == 0 ? 0 : (int) Math.round(got / total);
        List<String> notRun = results.stream().filter(r -> r.status() == CheckResult.Status.SKIPPED).map(CheckResult::name).toList();
        long browserNotRun = notRun.stream().filter(browserChecks::contains).count();
        long otherNotRun = notRun.size() - browserNotRun;
        StringBuilder summary = new StringBuilder(score + "/100 over " + (results.size() - notRun.size()) + " checks");
        if (browserNotRun > 0) summary.append("; ").append(browserNotRun).append(" browser check").append(browserNotRun == 1 ? "" : "s").append(" not run");
        if (otherNotRun > 0) summary.append("; ").append(otherNotRun).append(" other check").append(otherNotRun == 1 ? "" : "s").append(" not run");
        return new QualityReport(score, passed, results, null, subscores, summary.toString(), notRun);
    }

    private CheckResult run(QualityCheck c, SiteUnderTest site) {
        CheckResult r;
        try {
            r = c.check(site);
        } catch (RuntimeException e) {
            r = CheckResult.fail(c, "check crashed: " + e, List.of());
        }
        CheckResult.Severity s = config.severity(r.name(), r.severity());
        return s == r.severity() ? r : r.withSeverity(s);
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
