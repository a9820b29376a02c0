package ai.atelier.site.finegrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.SiteJob;
import ai.atelier.SiteResult;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.StepSpan;
import java.nio.file.Path;
import ai.atelier.site.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input tokens of each fine-grained step, on the built-in engine (which counts, with the o200k
 * tokenizer, exactly the prompt a model would be sent), for the example company and one visitor.
 * The bounds are the numbers in docs/small-models.md with a little room: a step whose prompt grows
 * back past them fails here, so the measurement in the docs stays true.
 */
class FineGrainedPromptSizeTest {
    @TempDir
    Path out;

    @Test
    void eachStepCarriesOnlyWhatItNeeds() {
        Map<String, Long> tokens = new LinkedHashMap<>();
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).build()) {
            SiteResult r = atelier.generate(new SiteJob(new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json")),
                    "fine-grained", SiteJob.Options.in(out.resolve("site")), "priya-fg"));
            assertThat(r.ok()).as(String.valueOf(r.report().error())).isTrue();
            for (StepSpan s : r.report().steps()) if (!s.calls().isEmpty()) tokens.put(s.id(), s.inputTokens());
        }
        StringBuilder table = new StringBuilder("| step | input tokens |\n|---|---:|\n");
        tokens.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        table.append("| total | ").append(tokens.values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        System.out.println(table);
        assertThat(tokens).hasSize(9);
        // measured after the change (docs/models.md, "Fine-grained steps"), with about 10 % room
        Map<String, Long> bound = Map.of("pain-points", 1550L, "offerings", 1900L, "copy-pain-points", 1250L, "copy-offerings", 1300L,
                "copy-hero", 1260L, "art-director", 930L, "reviewer", 1500L);
        bound.forEach((step, max) -> assertThat(tokens.get(step)).as(step + " input tokens").isLessThanOrEqualTo(max));
    }

    static final List<String> PERSONAS = List.of("pain-point-analyst", "offering-matcher", "copywriter-pain-points", "copywriter-offerings",
            "copywriter-hero", "art-director", "reviewer");

    @Test
    void everyFineGrainedPersonaFollowsTheSameRulesWrittenOnce() {
        Prompts prompts = new Prompts();
        String shared = prompts.template("rules/fine-grained").strip();
        for (String persona : PERSONAS) {
            String template = prompts.template(persona + ".system");
            assertThat(template).as(persona).contains("{{> rules/fine-grained}}");
            // a gate rule is included, never pasted: the text of a rules file appears in no persona's template
            assertThat(template).as(persona).doesNotContain("Every figure on the page must appear").doesNotContain("Answer with one JSON object");
        }
        Map<String, String> vars = new java.util.HashMap<>();
        for (String v : List.of("companyName", "primary", "accent", "background", "disclaimer", "bannedPhrases", "tone", "callToAction")) vars.put(v, v);
        for (String persona : PERSONAS) assertThat(prompts.render(persona + ".system", vars)).as(persona).contains(shared).doesNotContain("{{>");
    }
}
