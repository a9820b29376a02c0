package ai.atelier.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;

/**
 * One visitor's line of {@code OUT/results.jsonl} (and of {@code results.parquet}): who, which key,
 * how it ended ({@link BatchStatus}), where the site is (relative to OUT), what this visitor's site
 * cost and took, its QA score, and the error when it did not finish. {@code place} (file and line)
 * is kept so a bad input row can be found, {@code index} is its position in the input, and {@code earlier}
 * says the site was finished by an earlier run (this run made nothing for it and paid nothing).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ResultRow(String id, String key, String status, String siteDir, Double costUsd, long inputTokens, long outputTokens,
                 Double qualityScore, long wallMs, String error, String place, int index, boolean earlier) implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Parquet/Spark schema of a row (same names and order as the JSON). */
    static final String DDL = "id STRING, key STRING, status STRING, siteDir STRING, costUsd DOUBLE, inputTokens BIGINT, outputTokens BIGINT, "
            + "qualityScore DOUBLE, wallMs BIGINT, error STRING, place STRING, index INT, earlier BOOLEAN";

    /** Whether this run paid for it (a skipped-done site was paid by an earlier run). */
    boolean ranNow() {
        return !earlier && !BatchStatus.SKIPPED_DONE.equals(status) && siteDir != null;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResultRow fromJson(String line) {
        try {
            return JSON.readValue(line, ResultRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a results row: " + e.getOriginalMessage(), e);
        }
    }
}
