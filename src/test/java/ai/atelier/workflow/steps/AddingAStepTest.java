package ai.atelier.workflow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.model.TokenCounter;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.Orchestrator;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.Step;
import ai.atelier.workflow.StepSpan;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/adding-a-step.md, run: a new persona is one class ({@link MetaDescriptionStep}) and one
 * entry in the step list, and then a workflow YAML can name it, the orchestrator runs it between
 * the others and the report traces it, with nothing else changed.
 */
class AddingAStepTest {
    @Test
    void aNewStepIsOneClassAndOneListEntry(@TempDir Path tmp) throws Exception {
        List<Step> steps = new ArrayList<>(StandardSteps.all());
        steps.add(new MetaDescriptionStep()); // the one list entry
        Path yaml = tmp.resolve("with-meta.yaml");
        Files.writeString(yaml, """
                name: with-meta
                steps:
                  - {id: personalizer, persona: personalizer}
                  - {id: meta, persona: meta-describer, after: [personalizer]}
                  - {id: artist, persona: artist, after: [personalizer]}
                  - {id: developer, persona: frontend-developer, after: [personalizer]}
                  - {id: qa, persona: qa, after: [artist, developer, meta]}
                """);
        assertThatThrownBy(() -> new WorkflowLoader(StandardSteps.all()).load(yaml.toString()))
                .hasMessageContaining("names unknown persona \"meta-describer\"");
        WorkflowDefinition wf = new WorkflowLoader(steps).load(yaml.toString());

        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Atelier loaders = Atelier.builder().build()) {
            Company company = loaders.loadCompany(Path.of("examples/company"));
            Crew crew = new Crew(new BuiltinEngines(), QaAgent.create(QualityConfig.load(null, Map.of()).withBrowser(false)), steps);
            SiteGeneration generation = new SiteGeneration(new Orchestrator(workers, timer, new Prompts(), new TokenCounter()), crew);
            Path out = tmp.resolve("site");
            SiteReport r = generation.run(new SiteGeneration.Request("meta", new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json")),
                    company, loaders.retrieverFor(company, ai.atelier.knowledge.IngestListener.SILENT), wf, out), RunListener.NONE).report();

            assertThat(r.status()).as(r.error()).isEqualTo(SiteReport.OK);
            assertThat(r.steps()).filteredOn(s -> s.id().equals("meta")).singleElement()
                    .extracting(StepSpan::persona, StepSpan::status).containsExactly("meta-describer", StepSpan.OK);
            ObjectMapper json = new ObjectMapper();
            String text = json.readTree(out.resolve("drafts/meta-description.json").toFile()).path("text").asText();
            String intro = json.readTree(out.resolve("spec.json").toFile()).path("intro").asText().strip().replaceAll("\\s+", " ");
            assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(MetaDescriptionStep.MAX);
            assertThat(intro).startsWith(text.replace("…", ""));
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
        }
    }
}
