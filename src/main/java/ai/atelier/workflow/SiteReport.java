package ai.atelier.workflow;

import ai.atelier.quality.QualityReport;
import java.util.List;
import java.util.Map;

/**
 * report.json: what ran, what it consumed and cost, how good the page is, and which files it made.
 * Every number is measured; {@code tokenSource} says whether token counts came from providers or
 * were estimated with a tokenizer. {@code costEstimate} says what {@code estimatedCostUsd} prices
 * against; {@code simulation} is set (never null) when any number came from a simulated engine.
Cost is given per call (in each step's calls), per step, per
 * role ({@code costByRole}, null for a role with a call of unknown price) and per site (totals).
 */
public record SiteReport(
        String siteId,
        String workflow,
        String status,
        String failedStep,
        String error,
        String profileId,
        String company,
        String createdAt,
        String tokenSource,
        List<StepSpan> steps,
        Totals totals,
        QualityReport quality,
        Map<String, List<String>> provenance,
        List<String> files,
        String costEstimate,
        String simulation,
        Map<String, Double> costByRole) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /**
     * Sums over the run. {@code modelSteps} is k: steps that call a model (or the engine standing in
     * for one). Coordination overhead: {@code carriedTokens} summed over steps, and
     * {@code orchestrationMs} = wall time minus the work on the critical path (the longest
     * dependent chain of steps, each model step weighted by its time inside model calls, each step
     * without a model, such as QA's checks, by its whole duration).
     */
    public record Totals(Double costUsd, long inputTokens, long outputTokens, long wallMs, long criticalPathMs,
                         int stepCount, int modelSteps, int modelCalls,
                         long carriedTokens, long orchestrationMs, Double estimatedCostUsd) {}
}
