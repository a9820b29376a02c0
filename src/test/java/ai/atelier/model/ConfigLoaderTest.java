package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import ai.atelier.model.provider.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;
    private final ConfigLoader loader = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords());

    private AtelierConfig load(String yaml) throws Exception {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, yaml);
        return loader.load(f);
    }

    @Test
    void readsModelsRolesLadderBudgetModeAndCatalog() throws Exception {
        AtelierConfig c = load("""
                models:
                  small: {provider: ollama, model: "llama3.2:3b", baseUrl: "http://localhost:11434", timeout: 90s, concurrency: 1, catalog: my-llama}
                  mini:  {provider: openai, model: gpt-4o-mini, apiKeyEnv: OPENAI_API_KEY, maxRetries: 5}
                  big:   {provider: anthropic, model: claude-sonnet-4-20250514, apiKeyEnv: ANTHROPIC_API_KEY}
                roles:
                  personalizer: mini
                  frontend-developer: small
                  qa: builtin
                escalation:
                  personalizer: [big]
                budget: {perSiteUsd: 0.05}
                developer: {mode: code}
                catalog:
                  - {name: my-llama, provider: ollama, modelId: "llama3.2:3b", tier: small, input: 0.01, output: 0.02, selfHosted: true, source: "my GPU box", asOf: "2026-11"}
                """);
        assertThat(c.modelFor("personalizer").orElseThrow().modelId()).isEqualTo("gpt-4o-mini");
        assertThat(c.modelFor("qa")).isEmpty();
        assertThat(c.modelFor("artist")).isEmpty();
        ModelSpec small = c.models().get("small");
        assertThat(small.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(small.concurrency()).isEqualTo(1);
        assertThat(c.models().get("mini").maxRetries()).isEqualTo(5);
        assertThat(c.ladderFor("personalizer")).extracting(ModelSpec::name).containsExactly("big");
        assertThat(c.budgetPerSiteUsd()).isEqualTo(0.05);
        assertThat(c.developerMode()).isEqualTo(AtelierConfig.DeveloperMode.CODE);
        assertThat(c.catalogWithOverrides().find("my-llama").orElseThrow().inputPerMTok()).isEqualTo(0.01);
    }

    @Test
    void oneLineErrorsForBadConfig() {
        assertThatThrownBy(() -> load("models:\n  x: {provider: azure, model: gpt}\n")).isInstanceOf(AtelierException.class)
                .hasMessageContaining("unknown provider \"azure\"").hasMessageContaining("openai");
        assertThatThrownBy(() -> load("models:\n  x: {provider: openai, model: gpt-4o}\nroles:\n  personalizer: y\n"))
                .hasMessageContaining("role personalizer is bound to \"y\", which is not defined under models:");
        assertThatThrownBy(() -> load("models:\n  x: {provider: openai, model: gpt-4o, apiKey: sk-123}\n"))
                .hasMessageContaining("never put keys in the config");
        assertThatThrownBy(() -> load("models:\n  x: {provider: openai, model: gpt-4o, apiKeyEnv: sk-abc-123}\n"))
                .hasMessageContaining("apiKeyEnv must be the NAME");
        assertThatThrownBy(() -> load("developer: {mode: fancy}\n")).hasMessageContaining("use template or code");
        assertThatThrownBy(() -> load("modles: {}\n")).hasMessageContaining("unknown section \"modles\"");
        assertThatThrownBy(() -> load("models:\n  x: {provider: openai, model: m, timeout: soon}\n")).hasMessageContaining("write e.g. 90s");
        assertThatThrownBy(() -> loader.load(tmp.resolve("nope.yaml"))).hasMessageContaining("does not exist");
    }

    @Test
    void locatesExplicitThenEnvThenWorkingDirThenNone() throws Exception {
        Path explicit = tmp.resolve("e.yaml");
        Files.writeString(explicit, "models:\n  e: {provider: openai, model: a}\n");
        Path fromEnv = tmp.resolve("env.yaml");
        Files.writeString(fromEnv, "models:\n  v: {provider: openai, model: b}\n");
        Path wd = Files.createDirectories(tmp.resolve("wd"));
        Files.writeString(wd.resolve("atelier.yaml"), "models:\n  w: {provider: openai, model: c}\n");
        Map<String, String> env = Map.of(ConfigLoader.ENV, fromEnv.toString());
        assertThat(loader.locate(explicit, env::get, wd).models()).containsKey("e");
        assertThat(loader.locate(null, env::get, wd).models()).containsKey("v");
        assertThat(loader.locate(null, Map.<String, String>of()::get, wd).models()).containsKey("w");
        assertThat(loader.locate(null, Map.<String, String>of()::get, tmp).models()).isEmpty();
    }

    @Test
    void shippedExamplesLoad() throws Exception {
        try (var files = Files.list(Path.of("examples/config"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                AtelierConfig c = loader.load(f);
                assertThat(c.roles()).as(f.toString()).isNotEmpty();
            }
        }
    }
}
