package ai.atelier.workflow;

import java.util.List;

/**
 * One round of the revise loop as report.json shows it: which steps QA sent the page back to and
 * why, on which model, what the round cost, and how the page came out ({@code outcome}: passed,
 * failing, step-failed, or skipped with the reason).
 */
public record Revision(int round, List<String> steps, String model, List<String> feedback, String outcome,
                       Integer scoreAfter, Double costUsd, long wallMs, String note) {
    public Revision {
        steps = List.copyOf(steps);
        feedback = List.copyOf(feedback);
    }

    public static final String PASSED = "passed";
    public static final String FAILING = "failing";
    public static final String STEP_FAILED = "step-failed";
    public static final String SKIPPED = "skipped";
}
