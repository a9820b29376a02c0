package ai.atelier.runs;

/**
 * One run as the run database keeps it: who it was for, which workflow, where it stands, its
 * headline numbers, and (once finished) the full report and cost view as JSON text. Times are
 * epoch milliseconds. A new run is made with {@link #queued}; the store fills the rest as it runs.
 */
public record RunRecord(
        String id,
        String workflow,
        RunStatus status,
        String visitorName,
        String industry,
        long createdMs,
        Long startedMs,
        Long finishedMs,
        Double costUsd,
        Long inputTokens,
        Long outputTokens,
        Integer qualityScore,
        String error,
        String profileJson,
        String reportJson,
        String costsJson) {

    /** A run just accepted: queued, nothing started, measured or reported yet. */
    public static RunRecord queued(String id, String workflow, String visitorName, String industry, String profileJson, long createdMs) {
        return new RunRecord(id, workflow, RunStatus.QUEUED, visitorName, industry, createdMs,
                null, null, null, null, null, null, null, profileJson, null, null);
    }

    /** A run just accepted for {@code profile}. */
    static RunRecord queued(String id, String workflow, ai.atelier.site.Profile profile, String profileJson, long createdMs) {
        return queued(id, workflow, profile.name(), profile.industry(), profileJson, createdMs);
    }
}
