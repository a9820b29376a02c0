package ai.atelier.quality;

import java.util.List;

/**
 * What one visit of a page in headless Chromium found: axe-core's violations, the phone-width
 * layout (document width against viewport width, and the elements that stick out), the requests
 * the page tried to send outside its folder (blocked), and the screenshots saved. {@code error} is
 * set, and the rest empty, when the browser could not load or inspect the page;
 * {@code browserUnavailable} when no browser could be started at all.
 */
record PageAudit(List<AxeViolation> violations, int phoneViewportWidth, int phoneDocumentWidth, List<String> overflowing,
                 List<String> blockedRequests, List<String> screenshots, String error, boolean browserUnavailable) {
    PageAudit {
        violations = violations == null ? List.of() : List.copyOf(violations);
        overflowing = overflowing == null ? List.of() : List.copyOf(overflowing);
        blockedRequests = blockedRequests == null ? List.of() : List.copyOf(blockedRequests);
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
    }

    /** The browser ran but could not load or inspect this page. */
    static PageAudit failed(String error) {
        return new PageAudit(List.of(), 0, 0, List.of(), List.of(), List.of(), error, false);
    }

    /** No browser could be started at all: an environment problem, so the checks are skipped, not failed. */
    static PageAudit unavailable(String why) {
        return new PageAudit(List.of(), 0, 0, List.of(), List.of(), List.of(), why, true);
    }

    /** One axe-core rule the page breaks, with its impact (minor, moderate, serious, critical) and where. */
    record AxeViolation(String rule, String impact, String help, List<String> targets) {
        AxeViolation {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }

        boolean serious() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }
}
