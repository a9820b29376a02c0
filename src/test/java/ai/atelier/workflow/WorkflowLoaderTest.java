package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLoaderTest {
    private final WorkflowLoader loader = new WorkflowLoader(Crew.PERSONAS);

    @Test
    void loadsBundledWorkflows() {
        WorkflowDefinition p = loader.load("personas");
        assertThat(p.ordered()).extracting(StepDefinition::id).containsExactly("personalizer", "artist", "developer", "qa");
        assertThat(p.step("qa").after()).containsExactly("artist", "developer");
        WorkflowDefinition s = loader.load("single-llm");
        assertThat(s.step("site").role()).isEqualTo("single-llm");
    }

    @Test
    void unknownWorkflowListsTheChoices() {
        assertThatThrownBy(() -> loader.load("mystery")).hasMessageContaining("unknown workflow \"mystery\"")
                .hasMessageContaining("personas");
        assertThatThrownBy(() -> loader.load("../no-such-dir/x.yaml")).hasMessageContaining("not found");
    }

    @Test
    void rejectsCyclesUnknownStepsAndPersonas(@TempDir Path dir) throws Exception {
        Path cyc = dir.resolve("cyc.yaml");
        Files.writeString(cyc, "name: cyc\nsteps:\n  - {id: a, persona: artist, after: [b]}\n  - {id: b, persona: artist, after: [a]}\n");
        assertThatThrownBy(() -> loader.load(cyc.toString())).hasMessageContaining("cycle");
        Path dep = dir.resolve("dep.yaml");
        Files.writeString(dep, "name: dep\nsteps:\n  - {id: a, persona: artist, after: [ghost]}\n");
        assertThatThrownBy(() -> loader.load(dep.toString())).hasMessageContaining("unknown step \"ghost\"");
        Path per = dir.resolve("per.yaml");
        Files.writeString(per, "name: per\nsteps:\n  - {id: a, persona: poet}\n");
        assertThatThrownBy(() -> loader.load(per.toString())).hasMessageContaining("unknown persona \"poet\"");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: [oops\n");
        assertThatThrownBy(() -> loader.load(bad.toString())).hasMessageContaining("not valid YAML");
    }

    @Test
    void criticalPathIsTheLongestDependentChain() {
        WorkflowDefinition p = loader.load("personas");
        List<StepSpan> spans = List.of(span("personalizer", 100), span("artist", 50), span("developer", 80), span("qa", 10));
        assertThat(CriticalPath.of(p, spans)).isEqualTo(190);
    }

    private static StepSpan span(String id, long ms) {
        return new StepSpan(id, id, id, "builtin", StepSpan.OK, 0, ms, 0, 0, true, 0.0, 1, null, List.of(), 0, 0, null);
    }
}
