package ai.atelier.quality;

import java.util.List;

/**
 * All check results of a page, its 0–100 score and the gate: passed means no blocking failure.
 * {@code review} is the optional reviewer model's rubric verdict (null when no model reviews): it
 * sits beside the score and never changes the gate.
 */
public record QualityReport(int score, boolean passed, List<CheckResult> checks, ModelReview review) {
    public QualityReport {
        checks = List.copyOf(checks);
    }

    public QualityReport(int score, boolean passed, List<CheckResult> checks) {
        this(score, passed, checks, null);
    }

    public QualityReport withReview(ModelReview r) {
        return new QualityReport(score, passed, checks, r);
    }

    public List<CheckResult> blockingFailures() {
        return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL && c.severity() == CheckResult.Severity.BLOCKING).toList();
    }
}
