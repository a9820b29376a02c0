package ai.atelier;

import ai.atelier.workflow.SiteReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What one {@link SiteJob} came to, as a value: its status, folder, cost, tokens, quality score,
 * wall time and error. It is what a runner of many sites keeps per site (a batch's results row, the
 * server's run record, a comparison's cell) and what a batch executor sends back, so it is
 * {@link Serializable} and writes to JSON; the full {@link #report()} stays on the machine that ran
 * the site (it is dropped when the result is shipped, and is in the folder's report.json).
 *
 * @param siteId       the site's id (the folder name unless the job chose a folder)
 * @param status       {@link Status#DONE}, {@link Status#FAILED} (a step failed, or the run could not
 *                     start or crashed) or {@link Status#GATE_FAILED} (every step ran, QA's gate refused the page)
 * @param siteDir      the site folder (it may be partial after a failure; empty when the run never started)
 * @param costUsd      what the run's model calls cost, earlier sessions included; null when a price is unknown
 * @param qualityScore QA's score, null when QA did not run
 * @param wallMs       the run's wall time (every session's)
 * @param error        why it failed, one line; null when done
 * @param report       report.json as written; null when no report was written, or after shipping
 */
public record SiteResult(String siteId, Status status, String siteDir, Double costUsd, long inputTokens, long outputTokens,
                         Integer qualityScore, long wallMs, String error, @JsonIgnore SiteReport report) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a site ended, with the words results files and the API use. */
    public enum Status {
        DONE("done"), FAILED("failed"), GATE_FAILED("gate-failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /** The result of a run that wrote {@code report} into {@code dir}. */
    public static SiteResult of(Path dir, SiteReport report) {
        Status status = SiteReport.OK.equals(report.status()) ? Status.DONE
                : report.failedStep() == null && report.quality() != null && !report.quality().passed() ? Status.GATE_FAILED : Status.FAILED;
        SiteReport.Totals t = report.totals();
        return new SiteResult(report.siteId(), status, dir.toString(), t.costUsd(), t.inputTokens(), t.outputTokens(),
                report.quality() == null ? null : report.quality().score(), t.wallMs(), status == Status.DONE ? null : report.error(), report);
    }

    /** A run that wrote no report (it could not start, or crashed): failed, with why. */
    public static SiteResult failed(String siteId, Path dir, long wallMs, String error) {
        return new SiteResult(siteId, Status.FAILED, dir == null ? "" : dir.toString(), null, 0, 0, null, wallMs, error, null);
    }

    /** Whether the site is done (every step ran and QA passed it). */
    @JsonIgnore
    public boolean ok() {
        return status == Status.DONE;
    }

    /** The site folder as a path. */
    public Path dir() {
        return Path.of(siteDir);
    }

    /** Shipped without the report: a serialized result carries the values only. */
    private Object writeReplace() {
        return new Shipped(siteId, status, siteDir, costUsd, inputTokens, outputTokens, qualityScore, wallMs, error);
    }

    private record Shipped(String siteId, Status status, String siteDir, Double costUsd, long inputTokens, long outputTokens,
                           Integer qualityScore, long wallMs, String error) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return new SiteResult(siteId, status, siteDir, costUsd, inputTokens, outputTokens, qualityScore, wallMs, error, null);
        }
    }
}
