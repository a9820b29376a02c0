package ai.atelier.runs;

/**
 * One run as the run database keeps it: who it was for, which workflow, where it stands, its
 * headline numbers, and (once finished) the full report and cost view as JSON text. Times are
 * epoch milliseconds.
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
        String costsJson) {}
