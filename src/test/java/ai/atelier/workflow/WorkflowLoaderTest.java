package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.workflow.steps.StandardSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLoaderTest {
    private final WorkflowLoader loader = new WorkflowLoader(StandardSteps.all());

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
    void anUnknownStepIsRefusedInOneLineListingEveryKnownOne(@TempDir Path dir) throws Exception {
        Path per = dir.resolve("per.yaml");
        Files.writeString(per, "name: per\nsteps:\n  - {id: a, persona: poet}\n");
        String known = String.join(", ", StandardSteps.all().stream().map(Step::persona).sorted().toList());
        assertThatThrownBy(() -> loader.load(per.toString()))
                .hasMessage("workflow " + per + ": step \"a\" names unknown persona \"poet\"; known personas: " + known)
                .hasMessageContaining("art-director, artist, copywriter-hero").hasMessageNotContaining("\n");
        Path none = dir.resolve("none.yaml");
        Files.writeString(none, "name: none\nsteps:\n  - {id: a}\n");
        assertThatThrownBy(() -> loader.load(none.toString())).hasMessageContaining("step \"a\" names no persona (add persona: NAME)")
                .hasMessageContaining("known personas: " + known);
    }

    @Test
    void everyStandardStepIsOneNameOneClass() {
        List<String> names = StandardSteps.all().stream().map(Step::persona).toList();
        assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).matches("[a-z0-9-]+"))
                .contains("personalizer", "artist", "frontend-developer", "site-generator", "qa", "pain-point-analyst", "offering-matcher",
                        "copywriter-pain-points", "copywriter-offerings", "copywriter-hero", "art-director", "reviewer");
        // every bundled workflow names only these, and each of these is named by some bundled workflow
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (String wf : WorkflowLoader.BUNDLED) loader.load(wf).steps().forEach(s -> used.add(s.persona()));
        assertThat(used).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void aStepThatReadsWhatNoEarlierStepWritesIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("no-spec.yaml");
        Files.writeString(f, "name: no-spec\nsteps:\n  - {id: personalizer, persona: personalizer}\n  - {id: artist, persona: artist}\n");
        assertThatThrownBy(() -> loader.load(f.toString()))
                .hasMessageContaining("step \"artist\" (artist) reads the spec, but no step it runs after writes it")
                .hasMessageContaining("personalizer, site-generator, art-director").hasMessageNotContaining("\n");
        Path indirect = dir.resolve("indirect.yaml");
        Files.writeString(indirect, "name: indirect\nsteps:\n  - {id: p, persona: personalizer}\n  - {id: d, persona: frontend-developer, after: [p]}\n"
                + "  - {id: qa, persona: qa, after: [d]}\n  - {id: r, persona: reviewer, after: [qa]}\n");
        assertThat(loader.load(indirect.toString()).steps()).hasSize(4); // the spec is written two steps before the reviewer
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
