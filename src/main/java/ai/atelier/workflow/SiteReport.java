package ai.atelier.workflow;

import ai.atelier.quality.QualityReport;
import java.util.List;
import java.util.Map;

/**
 * report.json: what ran, what it consumed and cost, how good the page is, and which files it made.
 * Every number is measured; {@code tokenSource} says whether token counts came from providers or
 * were estimated with a tokenizer. {@code costEstimate} says what {@code estimatedCostUsd} prices
 * against; {@code simulation} is set (never null) when any number came from a simulated engine.
 * Cost is given per call (in each step's calls), per step, per
 * role ({@code costByRole}, null for a role with a call of unknown price) and per site (totals).
 * A resumed run ({@code sessions} > 1) lists in {@code earlierAttempts} every step attempt of its
 * earlier sessions whose output the page does not use (failed, timed out, cut off, superseded):
 * their calls were paid for, so totals and costByRole count them too. {@code wallMs} is the sum of
 * the sessions' wall times (the gaps between sessions excluded); {@code criticalPathMs} is the
 * longest dependent chain of the steps the page uses, each weighted by its own duration in the
 * session it ran in, so it never exceeds {@code wallMs}.
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
        Map<String, Sources> provenance,
        List<String> files,
        String costEstimate,
        String simulation,
        Map<String, Double> costByRole,
        List<Revision> revisions,
        List<StepSpan> earlierAttempts,
        int sessions) {

    public SiteReport {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        earlierAttempts = earlierAttempts == null ? List.of() : List.copyOf(earlierAttempts);
        sessions = Math.max(1, sessions);
    }

    /** A report of a run that had one session and no earlier attempts. */
    public SiteReport(String siteId, String workflow, String status, String failedStep, String error, String profileId, String company,
                      String createdAt, String tokenSource, List<StepSpan> steps, Totals totals, QualityReport quality,
                      Map<String, Sources> provenance, List<String> files, String costEstimate, String simulation,
                      Map<String, Double> costByRole, List<Revision> revisions) {
        this(siteId, workflow, status, failedStep, error, profileId, company, createdAt, tokenSource, steps, totals, quality, provenance, files,
                costEstimate, simulation, costByRole, revisions, List.of(), 1);
    }

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** A report to fill in by field name rather than by the position of 20 arguments; one session, no revisions or earlier attempts unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a report by field name. */
    public static final class Builder {
        private String siteId, workflow, status, failedStep, error, profileId, company, createdAt, tokenSource, costEstimate, simulation;
        private List<StepSpan> steps = List.of(), earlierAttempts = List.of();
        private Totals totals;
        private QualityReport quality;
        private Map<String, Sources> provenance = Map.of();
        private List<String> files = List.of();
        private Map<String, Double> costByRole = Map.of();
        private List<Revision> revisions = List.of();
        private int sessions = 1;

        private Builder() {}

        public Builder siteId(String v) { siteId = v; return this; }
        public Builder workflow(String v) { workflow = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder failedStep(String v) { failedStep = v; return this; }
        public Builder error(String v) { error = v; return this; }
        public Builder profileId(String v) { profileId = v; return this; }
        public Builder company(String v) { company = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder tokenSource(String v) { tokenSource = v; return this; }
        public Builder steps(List<StepSpan> v) { steps = v; return this; }
        public Builder totals(Totals v) { totals = v; return this; }
        public Builder quality(QualityReport v) { quality = v; return this; }
        public Builder provenance(Map<String, Sources> v) { provenance = v; return this; }
        public Builder files(List<String> v) { files = v; return this; }
        public Builder costEstimate(String v) { costEstimate = v; return this; }
        public Builder simulation(String v) { simulation = v; return this; }
        public Builder costByRole(Map<String, Double> v) { costByRole = v; return this; }
        public Builder revisions(List<Revision> v) { revisions = v; return this; }
        public Builder earlierAttempts(List<StepSpan> v) { earlierAttempts = v; return this; }
        public Builder sessions(int v) { sessions = v; return this; }

        public SiteReport build() {
            return new SiteReport(siteId, workflow, status, failedStep, error, profileId, company, createdAt, tokenSource, steps, totals, quality,
                    provenance, files, costEstimate, simulation, costByRole, revisions, earlierAttempts, sessions);
        }
    }

    /**
     * What informed one section of the page: the knowledge chunk ids (e.g. {@code research/x.md#2})
     * and the company files they came from (the part of each id before {@code #}), in first-cited order.
     */
    public record Sources(List<String> chunks, List<String> files) {
        public Sources {
            chunks = List.copyOf(chunks);
            files = List.copyOf(files);
        }

        public static Sources of(List<String> chunkIds) {
            java.util.Set<String> files = new java.util.LinkedHashSet<>();
            chunkIds.forEach(id -> files.add(id.contains("#") ? id.substring(0, id.indexOf('#')) : id));
            return new Sources(chunkIds, List.copyOf(files));
        }
    }

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
