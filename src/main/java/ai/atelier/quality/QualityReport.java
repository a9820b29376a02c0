package ai.atelier.quality;

import java.util.List;

/**
 * All check results of a page, its graded sub-scores, its 0–100 score and the gate: passed means
 * no blocking failure and every sub-score at or above its threshold. {@code summary} says what the
 * score covers ("96/100 over 18 checks; 4 browser checks not run") and {@code notRun} names the
 * checks left out of it. {@code review} is the optional reviewer model's rubric verdict (null when
 * no model reviews): a sub-score of its own, reported apart, that never changes the gate.
 */
public record QualityReport(int score, boolean passed, List<CheckResult> checks, ModelReview review, List<Subscore> subscores,
                            String summary, List<String> notRun) {
    public QualityReport {
        checks = List.copyOf(checks);
        subscores = subscores == null ? List.of() : List.copyOf(subscores);
        notRun = notRun == null ? List.of() : List.copyOf(notRun);
        if (summary == null) {
            long run = checks.stream().filter(c -> c.status() != CheckResult.Status.SKIPPED).count();
            summary = score + "/100 over " + run + " checks" + (checks.size() > run ? "; " + (checks.size() - run) + " not run" : "");
        }
    }

    public QualityReport(int score, boolean passed, List<CheckResult> checks) {
        this(score, passed, checks, null, List.of(), null, List.of());
    }

    public QualityReport(int score, boolean passed, List<CheckResult> checks, ModelReview review) {
        this(score, passed, checks, review, List.of(), null, List.of());
    }

    public QualityReport withReview(ModelReview r) {
        return new QualityReport(score, passed, checks, r, subscores, summary, notRun);
    }

    public List<CheckResult> blockingFailures() {
        return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL && c.severity() == CheckResult.Severity.BLOCKING).toList();
    }

    /** The sub-scores below their threshold. */
    public List<Subscore> failedSubscores() {
        return subscores.stream().filter(s -> !s.passed()).toList();
    }
}
