package ai.atelier.quality;

import java.util.List;

/**
 * One graded axis of page quality (technical, accessibility, policy, personalization, grounding,
 * copy): the weighted credit of its checks that ran, 0–100 (null when none ran), its weight in the
 * overall score and its blocking threshold. A sub-score below its threshold fails the gate even
 * when no single check blocks, so many small problems on one axis add up to a failure.
 */
public record Subscore(String name, Integer score, double weight, double threshold, boolean passed, List<String> checks) {
    public Subscore {
        checks = List.copyOf(checks);
    }
}
