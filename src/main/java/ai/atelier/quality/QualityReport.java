package ai.atelier.quality;

import java.util.List;

/** All check results of a page, its 0–100 score and the gate: passed means no blocking failure. */
public record QualityReport(int score, boolean passed, List<CheckResult> checks) {
    public QualityReport {
        checks = List.copyOf(checks);
    }

    public List<CheckResult> blockingFailures() {
        return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL && c.severity() == CheckResult.Severity.BLOCKING).toList();
    }
}
