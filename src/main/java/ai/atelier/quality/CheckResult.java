package ai.atelier.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of one quality check, with where the problems are. {@code credit} (0–1) is the share
 * of what the check looks for that the page gets right, for the graded checks (personalization,
 * grounding, copy quality); null means all or nothing: 1 when passed, 0 when failed.
 * {@code evidence} is what a check found on the way (grounding: each sentence's provenance).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String name, Status status, Severity severity, String details, List<String> locations, Double credit, List<String> evidence) {
    public CheckResult {
        locations = locations == null ? List.of() : List.copyOf(locations);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (credit != null) credit = Math.max(0, Math.min(1, credit));
    }

    public CheckResult(String name, Status status, Severity severity, String details, List<String> locations) {
        this(name, status, severity, details, locations, null, List.of());
    }

    public enum Status { PASS, FAIL, SKIPPED }

    public enum Severity { BLOCKING, ADVISORY }

    @JsonProperty("passed")
    public boolean passed() {
        return status == Status.PASS;
    }

    /** What this result earns in its sub-score: its credit, else 1 for a pass and 0 for a failure. */
    public double earned() {
        return credit != null ? credit : passed() ? 1 : 0;
    }

    public CheckResult withSeverity(Severity s) {
        return new CheckResult(name, status, s, details, locations, credit, evidence);
    }

    public CheckResult withCredit(double c, List<String> evidence) {
        return new CheckResult(name, status, severity, details, locations, c, evidence);
    }

    public static CheckResult pass(QualityCheck c, String details) {
        return new CheckResult(c.name(), Status.PASS, c.severity(), details, List.of());
    }

    public static CheckResult fail(QualityCheck c, String details, List<String> locations) {
        return new CheckResult(c.name(), Status.FAIL, c.severity(), details, locations);
    }

    public static CheckResult skipped(QualityCheck c, String why) {
        return new CheckResult(c.name(), Status.SKIPPED, c.severity(), why, List.of());
    }
}
