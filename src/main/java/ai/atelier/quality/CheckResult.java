package ai.atelier.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The outcome of one quality check, with where the problems are. */
public record CheckResult(String name, Status status, Severity severity, String details, List<String> locations) {
    public CheckResult {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public enum Status { PASS, FAIL, SKIPPED }

    public enum Severity { BLOCKING, ADVISORY }

    @JsonProperty("passed")
    public boolean passed() {
        return status == Status.PASS;
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
