package ai.atelier.workflow;

import ai.atelier.quality.QualityReport;
import java.util.List;
import java.util.Map;

/**
 * report.json: what ran, what it consumed and cost, how good the page is, and which files it made.
 * Every number is measured; {@code tokenSource} says whether token counts came from providers or
 * were estimated with a tokenizer.
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
        List<Revision> revisions) {

    public SiteReport {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** Sums over the run. {@code modelSteps} is k: steps that call a model (or the engine standing in for one). */
    public record Totals(Double costUsd, long inputTokens, long outputTokens, long wallMs, long criticalPathMs,
                         int stepCount, int modelSteps, int modelCalls) {}
}
