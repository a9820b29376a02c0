package ai.atelier.economics;

import ai.atelier.workflow.SiteReport;
import java.nio.file.Path;

/** One cell of a comparison: a profile run through a workflow, with its report (null only if the run crashed before writing one). */
public record SiteRun(String profile, String workflow, Path dir, SiteReport report, String error) {
    public boolean ok() {
        return report != null && SiteReport.OK.equals(report.status());
    }
}
