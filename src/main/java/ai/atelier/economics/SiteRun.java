package ai.atelier.economics;

import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.WorkflowDefinition;
import java.nio.file.Path;

/**
 * One cell of a comparison: a profile run through a workflow, with its report (null only if the
 * run crashed before writing one). {@code k} is the workflow's number of model steps as planned
 * (every step but QA's checks), whatever happened to run: a site that failed at its second step
 * still belongs to a k = 9 workflow, and the overhead fits and tables compare workflows by it.
 */
public record SiteRun(String profile, String workflow, Path dir, SiteReport report, String error, int k) {
    /** The persona of the one step that is not a model step: QA's deterministic checks. */
    static final String CHECKS = "qa";

    /** A run whose workflow's plan is not at hand: k is the model steps its report counted (0 without a report). */
    public SiteRun(String profile, String workflow, Path dir, SiteReport report, String error) {
        this(profile, workflow, dir, report, error, report == null ? 0 : report.totals().modelSteps());
    }

    /** A run of {@code wf}, with k from its plan. */
    public static SiteRun of(String profile, WorkflowDefinition wf, Path dir, SiteReport report, String error) {
        return new SiteRun(profile, wf.name(), dir, report, error, plannedModelSteps(wf));
    }

    /** The workflow's model steps as planned: every step whose persona calls a model (or the engine standing in for one). */
    public static int plannedModelSteps(WorkflowDefinition wf) {
        return (int) wf.steps().stream().filter(s -> !CHECKS.equals(s.persona())).count();
    }

    public boolean ok() {
        return report != null && SiteReport.OK.equals(report.status());
    }
}
