package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannedKTest {
    final WorkflowLoader loader = new WorkflowLoader(ai.atelier.workflow.steps.StandardSteps.all());

    @Test
    void kIsTheWorkflowsModelStepsAsPlanned() {
        assertThat(SiteRun.plannedModelSteps(loader.load("single-llm"))).isEqualTo(1);
        assertThat(SiteRun.plannedModelSteps(loader.load("personas"))).isEqualTo(3);
        assertThat(SiteRun.plannedModelSteps(loader.load("fine-grained-lean"))).isEqualTo(8);
        assertThat(SiteRun.plannedModelSteps(loader.load("fine-grained"))).isEqualTo(9);
    }

    static SiteReport failedAfter(int modelSteps) {
        return new SiteReport("s", "fine-grained", SiteReport.FAILED, "offerings", "boom", null, "Co", "now", "provider usage", List.of(),
                new SiteReport.Totals(0.0, 10, 1, 100, 80, modelSteps, modelSteps, modelSteps, 0, 0, null), null, Map.of(), List.of(), null, null,
                Map.of(), List.of());
    }

    @Test
    void aSiteThatStoppedEarlyStillCountsAtItsWorkflowsK() {
        WorkflowDefinition fine = loader.load("fine-grained");
        // before: k was the median of the model steps that ran (here 2 and 1), not the workflow's 9
        List<SiteRun> runs = List.of(SiteRun.of("a", fine, Path.of("a"), failedAfter(2), "boom"), SiteRun.of("b", fine, Path.of("b"), failedAfter(1), "boom"),
                SiteRun.of("c", fine, Path.of("c"), null, "crashed"));
        assertThat(WorkflowStats.of("fine-grained", runs).k()).isEqualTo(9);
        CompareReport report = CompareReport.of(runs, List.of("fine-grained"), null, null, Path.of("."));
        assertThat(report.sites()).extracting(CompareReport.SiteLine::k).containsOnly(9);
        // without a plan (a run made elsewhere), k falls back to what its report counted
        assertThat(WorkflowStats.of("x", List.of(new SiteRun("a", "x", Path.of("a"), failedAfter(2), null))).k()).isEqualTo(2);
    }
}
