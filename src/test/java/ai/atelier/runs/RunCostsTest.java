package ai.atelier.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.TokenUsage;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCostsTest {
    static StepSpan step(String id, String role, String model, long in, long out, Double cost, int calls) {
        List<ModelCall> c = java.util.stream.IntStream.range(0, calls)
                .mapToObj(i -> ModelCall.builder(role, model, "test").purpose("x").timed(0, 1).usage(new TokenUsage(in / calls, out / calls, 0, false)).costUsd(cost).build()).toList();
        return new StepSpan(id, role, role, model, StepSpan.OK, 0, 10, in, out, false, cost, 1, null, c, 0, 0, null);
    }

    static SiteReport report(String workflow, List<StepSpan> steps) {
        return report(workflow, steps, List.of());
    }

    static SiteReport report(String workflow, List<StepSpan> steps, List<StepSpan> earlier) {
        long in = steps.stream().mapToLong(StepSpan::inputTokens).sum();
        long out = steps.stream().mapToLong(StepSpan::outputTokens).sum();
        Double cost = steps.stream().anyMatch(s -> s.costUsd() == null) ? null : steps.stream().mapToDouble(StepSpan::costUsd).sum();
        return new SiteReport("s", workflow, SiteReport.OK, null, null, null, "Co", "now", "provider usage", steps,
                new SiteReport.Totals(cost, in, out, 100, 80, steps.size(), 3, 4, 0, 0, null), null, Map.of(), List.of(), null, null, Map.of(), List.of(),
                earlier, earlier.isEmpty() ? 1 : 2);
    }

    final List<StepSpan> steps = List.of(
            step("personalizer", "personalizer", "gpt-4o-mini", 4000, 1000, 0.0012, 1),
            step("artist-1", "artist", "gpt-4o-mini", 500, 800, 0.000555, 1),
            step("artist-2", "artist", "gpt-4o-mini", 300, 400, 0.000285, 1),
            step("developer", "frontend-developer", "gpt-4.1-nano", 2000, 3000, 0.0014, 1),
            new StepSpan("qa", "qa", "qa", "builtin", StepSpan.OK, 0, 5, 0, 0, false, 0.0, 1, null, List.of(), 0, 0, null));

    @Test
    void sumsPerRoleInWorkflowOrder() {
        RunCosts c = RunCosts.of(report("personas", steps), role -> "gpt-4o", ModelCatalog.bundled());
        assertThat(c.perRole()).extracting(RunCosts.RoleCost::role).containsExactly("personalizer", "artist", "frontend-developer", "qa");
        RunCosts.RoleCost artist = c.perRole().get(1);
        assertThat(artist.steps()).isEqualTo(2);
        assertThat(artist.inputTokens()).isEqualTo(800);
        assertThat(artist.outputTokens()).isEqualTo(1200);
        assertThat(artist.costUsd()).isCloseTo(0.00084, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aResumedRunKeepsTheCostOfItsEarlierAttemptsInTheirRoles() {
        // session 1: the developer timed out after a paid call, the artist's first try failed; session 2 finished both
        List<StepSpan> earlier = List.of(
                new StepSpan("developer", "frontend-developer", "frontend-developer", "gpt-4.1-nano", StepSpan.TIMEOUT, 0, 900, 1500, 700, false,
                        0.00043, 1, "timed out", List.of(), 0, 0, null),
                new StepSpan("artist-1", "artist", "artist", "gpt-4o-mini", StepSpan.FAILED, 0, 50, 200, 100, false, 0.0001, 1, "bad json",
                        List.of(), 0, 0, null),
                new StepSpan("critic", "critic", "critic", "gpt-4o", StepSpan.FAILED, 0, 50, 100, 10, false, null, 1, "unpriced", List.of(), 0, 0, null));
        RunCosts c = RunCosts.of(report("personas", steps, earlier), role -> "gpt-4o", ModelCatalog.bundled());
        RunCosts.RoleCost dev = c.perRole().stream().filter(r -> r.role().equals("frontend-developer")).findFirst().orElseThrow();
        assertThat(dev.steps()).isEqualTo(1);
        assertThat(dev.earlierAttempts()).isEqualTo(1);
        assertThat(dev.inputTokens()).isEqualTo(2000 + 1500);
        assertThat(dev.costUsd()).isCloseTo(0.0014 + 0.00043, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dev.earlierCostUsd()).isCloseTo(0.00043, org.assertj.core.data.Offset.offset(1e-12));
        RunCosts.RoleCost artist = c.perRole().get(1);
        assertThat(artist.steps()).isEqualTo(2);
        assertThat(artist.earlierAttempts()).isEqualTo(1);
        assertThat(artist.costUsd()).isCloseTo(0.00084 + 0.0001, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(artist.model()).isEqualTo("gpt-4o-mini");
        // a role that only ran in an earlier session still shows; an unknown price stays unknown
        RunCosts.RoleCost critic = c.perRole().get(c.perRole().size() - 1);
        assertThat(critic.role()).isEqualTo("critic");
        assertThat(critic.steps()).isZero();
        assertThat(critic.costUsd()).isNull();
        assertThat(critic.earlierCostUsd()).isNull();
        // the sum over roles is every paid call: the page's steps and the earlier attempts
        assertThat(c.perRole().stream().mapToLong(RunCosts.RoleCost::inputTokens).sum()).isEqualTo(4000 + 500 + 300 + 2000 + 1500 + 200 + 100);
        // the single-llm estimate is of the same page: only the page's steps
        assertThat(c.singleLlm().outputTokens()).isEqualTo(1000 + 800 + 400 + 3000);
        RunCosts.RoleCost personalizer = c.perRole().get(0);
        assertThat(personalizer.earlierAttempts()).isZero();
        assertThat(personalizer.earlierCostUsd()).isEqualTo(0.0);
    }

    @Test
    void singleLlmEstimateReadsTheLargestInputWritesAllOutputsAtItsModelsPrice() {
        RunCosts c = RunCosts.of(report("personas", steps), role -> role.equals("single-llm") ? "gpt-4o" : "gpt-4o-mini", ModelCatalog.bundled());
        RunCosts.Baseline b = c.singleLlm();
        assertThat(b.basis()).isEqualTo("estimated");
        assertThat(b.model()).isEqualTo("gpt-4o");
        assertThat(b.inputTokens()).isEqualTo(4000);
        assertThat(b.outputTokens()).isEqualTo(1000 + 800 + 400 + 3000);
        // gpt-4o: $2.50 in, $10.00 out per 1M tokens
        assertThat(b.costUsd()).isCloseTo(4000 * 2.5 / 1e6 + 5200 * 10.0 / 1e6, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void theSingleLlmEstimatePricesAModelTheConfigsOwnCatalogDefines() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree("""
                models:
                  big: {provider: openai, model: house-large-v2, baseUrl: "http://127.0.0.1:9/v1", catalog: house-large}
                  small: {provider: openai, model: house-small, baseUrl: "http://127.0.0.1:9/v1"}
                roles:
                  personalizer: small
                  single-llm: big
                catalog:
                  - {name: house-large, provider: openai, modelId: house-large-v2, tier: large, input: 4.00, output: 16.00, source: "our contract", asOf: "2026-11"}
                  - {name: small, provider: openai, modelId: house-small, tier: small, input: 0.10, output: 0.40, source: "our contract", asOf: "2026-11"}
                """);
        var config = new ai.atelier.model.ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).parse(yaml, "test.yaml");
        try (var engines = new ai.atelier.site.model.ConfiguredEngines(config, ai.atelier.model.wiring.StandardProviders.standard(),
                ai.atelier.model.provider.Credentials.fromEnvironment())) {
            // as `atelier serve` wires it: the role's priced name and the config's catalog
            RunCosts.Baseline b = RunCosts.of(report("personas", steps), engines::pricedAs, engines.catalog()).singleLlm();
            assertThat(b.model()).isEqualTo("house-large");
            assertThat(b.costUsd()).isCloseTo(4000 * 4.0 / 1e6 + 5200 * 16.0 / 1e6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(engines.pricedAs("personalizer")).isEqualTo("small");
            assertThat(engines.pricedAs("artist")).isEqualTo("builtin");
            // before: the bundled catalog knows neither name, so the estimate was "unknown"
            assertThat(RunCosts.of(report("personas", steps), engines::modelFor, ModelCatalog.bundled()).singleLlm().costUsd()).isNull();
        }
    }

    @Test
    void unknownPriceIsSaidNotShownAsFree() {
        RunCosts.Baseline b = RunCosts.of(report("personas", steps), role -> "my-local-llama", ModelCatalog.bundled()).singleLlm();
        assertThat(b.costUsd()).isNull();
        assertThat(b.note()).contains("unknown");
    }

    @Test
    void onTheBuiltinEngineTheBaselineIsTheSameEstimateAsTheClisOnTheReferenceModels() {
        RunCosts.Baseline b = RunCosts.of(report("personas", steps), role -> "builtin", ModelCatalog.bundled()).singleLlm();
        // before, this was "$0": the built-in engine's own price
        assertThat(b.basis()).isEqualTo("estimated");
        assertThat(b.model()).isEqualTo("gpt-4o");
        assertThat(b.outputTokens()).isEqualTo(5200);
        double expected = ai.atelier.model.CostCalculator.tokens(ModelCatalog.bundled().find("gpt-4o").orElseThrow(),
                new ai.atelier.model.TokenUsage(b.inputTokens(), 5200, 0, true));
        assertThat(b.costUsd()).isPositive().isEqualTo(expected);
        assertThat(b.note()).contains("built-in engine").contains("small-models");
    }

    @Test
    void aSingleLlmRunIsItsOwnMeasuredBaseline() {
        List<StepSpan> one = List.of(step("site", "single-llm", "gpt-4o", 5000, 6000, 0.0725, 1));
        RunCosts.Baseline b = RunCosts.of(report("single-llm", one), role -> "gpt-4o", ModelCatalog.bundled()).singleLlm();
        assertThat(b.basis()).isEqualTo("measured");
        assertThat(b.costUsd()).isEqualTo(0.0725);
        assertThat(b.inputTokens()).isEqualTo(5000);
    }
}
