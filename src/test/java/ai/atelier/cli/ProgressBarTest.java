package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.workflow.StepSpan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress bar counts each workflow step once: revision rounds show beside the count, never past the total ("11/10"). */
class ProgressBarTest {
    static StepSpan span(String id) {
        return new StepSpan(id, "frontend-developer", "frontend-developer", "builtin", StepSpan.OK, 0, 5, 0, 0, false, 0.0, 1, null,
                List.of(), 0, 0, null);
    }

    @Test
    void revisionRoundsDoNotPushTheBarPastItsTotal() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 4, false);
        for (String id : List.of("personalizer", "artist", "developer", "qa")) {
            bar.stepStarted(id, id, "builtin", 0);
            bar.stepFinished(span(id));
        }
        // the revise loop runs the developer and QA again: the listener hears the same step ids once more
        for (String id : List.of("developer", "qa")) {
            bar.stepStarted(id, id, "builtin", 0);
            bar.stepFinished(span(id));
        }
        bar.stepFinished(span("developer#r2")); // a renamed round span, as report.json names it
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(3)).startsWith("[########################] 4/4  qa ok");
        assertThat(lines.get(4)).startsWith("[########################] 4/4 (+1 revision)  developer ok");
        assertThat(lines.get(6)).startsWith("[########################] 4/4 (+3 revisions)  developer#r2 ok");
        assertThat(text.toString()).doesNotContain("5/4").doesNotContain("6/4");
    }
}
