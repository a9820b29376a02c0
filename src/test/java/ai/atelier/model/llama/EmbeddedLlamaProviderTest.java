package ai.atelier.model.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.pricing.MeasuredPrice;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.quality.QaAgent;
import ai.atelier.site.model.ConfiguredEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code llamacpp-embedded} provider as the config and the model chain see it: config entries
 * (paths relative to the config file), one load shared by entries naming the same file, engine
 * failures as {@link ModelException}s the interceptors understand, a price that follows measured
 * throughput, and native memory released when the facade closes.
 */
class EmbeddedLlamaProviderTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Credentials NO_ENV = new Credentials(k -> null);

    @TempDir
    Path tmp;

    private final List<String> notices = new ArrayList<>();

    private AtelierConfig config(String yaml) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Path file = dir.resolve("atelier.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).load(file);
    }

    private String twoEntries(String extra) throws Exception {
        Path models = Files.createDirectories(tmp.resolve("conf/models"));
        Path link = models.resolve("tiny.gguf");
        if (!Files.exists(link)) Files.createSymbolicLink(link, TinyModel.require());
        return """
                models:
                  planner:
                    provider: llamacpp-embedded
                    model: models/tiny.gguf
                    contextSize: 0
                    threads: 2
                    slots: 2
                    machineCostPerHour: 0.10
                  coder:
                    provider: llamacpp-embedded
                    model: models/tiny.gguf
                    contextSize: 0
                    threads: 2
                    slots: 2
                    temperature: 0.8
                %s
                roles:
                  personalizer: planner
                  frontend-developer: coder
                """.formatted(extra);
    }

    private static ChatRequest ask(String user, int maxTokens, Duration timeout) {
        return new ChatRequest("personalizer", "test", "You write short answers.", user, null, maxTokens, timeout);
    }

    @Test
    void configEntryResolvesTheModelFileAgainstTheConfigFolder() throws Exception {
        AtelierConfig c = config(twoEntries(""));
        ModelSpec planner = c.models().get("planner");
        assertThat(planner.provider()).isEqualTo("llamacpp-embedded");
        assertThat(planner.embedded().modelFile()).isEqualTo(tmp.resolve("conf/models/tiny.gguf").toAbsolutePath().normalize());
        assertThat(planner.embedded().slots()).isEqualTo(2);
        assertThat(planner.embedded().machineCostPerHour()).isEqualTo(0.10);
        assertThat(c.models().get("coder").embedded().temperature()).isEqualTo(0.8);
        assertThat(c.modelFor("frontend-developer")).map(ModelSpec::name).hasValue("coder");
    }

    @Test
    void configMistakesAreOneLineErrorsNamingTheFix() {
        assertThatThrownBy(() -> config("models:\n  m:\n    provider: llamacpp-embedded\n    model: a.gguf\n    baseUrl: http://localhost:8080\n"))
                .isInstanceOf(AtelierException.class)
                .hasMessageContaining("unknown setting \"baseUrl\" for provider llamacpp-embedded").hasMessageContaining("contextSize");
        assertThatThrownBy(() -> config("models:\n  m:\n    provider: llamacpp-embedded\n    model: a.gguf\n    slots: 0\n"))
                .isInstanceOf(AtelierException.class).hasMessageContaining("model m").hasMessageContaining("slots must be >= 1");
        assertThatThrownBy(() -> config("models:\n  m:\n    provider: llamacpp-embedded\n    threads: 2\n"))
                .isInstanceOf(AtelierException.class).hasMessageContaining("no model:").hasMessageContaining(".gguf");
        assertThatThrownBy(() -> config("models:\n  m:\n    provider: llamacpp-embedded\n    model: a.gguf\n    apiKey: sk-123\n"))
                .isInstanceOf(AtelierException.class).hasMessageContaining("never put keys in the config");
    }

    @Test
    void twoEntriesOnOneFileShareOneLoadAndEachKeepsItsOwnPrice() throws Exception {
        AtelierConfig c = config(twoEntries(""));
        try (EmbeddedLlamaProvider provider = new EmbeddedLlamaProvider(new EmbeddedModels(notices::add))) {
            ModelClient planner = provider.chat(c.models().get("planner"), NO_ENV);
            ModelClient coder = provider.chat(c.models().get("coder"), NO_ENV);
            assertThat(provider.loadedCount()).as("loaded on first call, not when configured").isZero();

            // before any call: priced from the header, with nothing measured yet
            CatalogEntry before = ((MeasuredPrice) planner).catalogEntry();
            assertThat(before.selfHosted()).isTrue();
            assertThat(before.hasTokenPrice()).isFalse();
            assertThat(before.source()).contains("unknown until a call has been measured");

            ChatResponse a = planner.chat(ask("Say hello to Priya.", 40, MINUTE));
            ChatResponse b = coder.chat(ask("Say hello to Marek.", 40, MINUTE));
            assertThat(a.model()).isEqualTo("planner");
            assertThat(b.model()).isEqualTo("coder");
            assertThat(a.usage().estimated()).isFalse();
            assertThat(provider.loadedCount()).isEqualTo(1);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0)).startsWith("embedded model loaded in").contains("4.2M params");

            CatalogEntry planned = ((MeasuredPrice) planner).catalogEntry();
            assertThat(planned.selfHosted()).isTrue();
            assertThat(planned.inputPerMTok()).isPositive();
            assertThat(planned.outputPerMTok()).isPositive();
            assertThat(planned.source()).startsWith("self-hosted estimate: $0.1000/h over measured");
            CatalogEntry coded = ((MeasuredPrice) coder).catalogEntry();
            assertThat(coded.inputPerMTok()).isZero();
            assertThat(coded.outputPerMTok()).isZero();
            assertThat(coded.source()).contains("no machine cost configured");
            assertThat(provider.credentialStatus(c.models().get("coder"), NO_ENV))
                    .startsWith("no key needed (in-process: coder (llama, 4.2M params");
        }
        assertThat(notices).hasSize(1);
    }

    @Test
    void engineFailuresBecomeModelExceptionsTheChainUnderstands() throws Exception {
        AtelierConfig c = config(twoEntries("""
                  cramped:
                    provider: llamacpp-embedded
                    model: models/tiny.gguf
                    contextSize: 256
                    threads: 2
                    slots: 1
                  absent:
                    provider: llamacpp-embedded
                    model: models/absent.gguf
                """));
        try (EmbeddedLlamaProvider provider = new EmbeddedLlamaProvider(new EmbeddedModels());
             EmbeddedLlamaProvider other = new EmbeddedLlamaProvider(new EmbeddedModels())) {
            assertThatThrownBy(() -> provider.chat(c.models().get("absent"), NO_ENV).chat(ask("hello", 10, MINUTE)))
                    .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG))
                    .hasMessageContaining("model absent").hasMessageContaining("absent.gguf");
            assertThatThrownBy(() -> provider.credentialStatus(c.models().get("absent"), NO_ENV)).hasMessageContaining("absent.gguf");

            // one file loads one way per registry, so the cramped load gets a registry of its own
            assertThatThrownBy(() -> other.chat(c.models().get("cramped"), NO_ENV).chat(ask("word ".repeat(400), 10, MINUTE)))
                    .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST))
                    .hasMessageContaining("raise contextSize");

            ModelClient planner = provider.chat(c.models().get("planner"), NO_ENV);
            assertThatThrownBy(() -> planner.chat(new ChatRequest("personalizer", "test", null, "Tell a very long story.", null, 2000,
                    Duration.ofMillis(1))))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT);
                        assertThat(e.retryable()).isTrue();
                    });
            // the cancelled generation freed its slot: the next call is served
            assertThat(planner.chat(ask("hello", 10, MINUTE)).text()).isNotNull();
        }
    }

    @Test
    void closingTheFacadeReleasesTheLoadedModels() throws Exception {
        AtelierConfig c = config(twoEntries(""));
        EmbeddedLlamaProvider provider = new EmbeddedLlamaProvider(new EmbeddedModels());
        ConfiguredEngines engines = new ConfiguredEngines(c, new Providers(List.of(provider)), NO_ENV);
        ModelClient planner = provider.chat(c.models().get("planner"), NO_ENV);
        try (Atelier atelier = Atelier.builder().engines(engines).qa(QaAgent.standard()).build()) {
            planner.chat(ask("hello", 10, MINUTE));
            assertThat(provider.loadedCount()).isEqualTo(1);
            // atelier models: the price the config shows before and after, self-hosted either way
            assertThat(engines.price(c.models().get("coder")).selfHosted()).isTrue();
        }
        assertThat(provider.loadedCount()).isZero();
        assertThatThrownBy(() -> planner.chat(ask("hello", 10, MINUTE)))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG));
    }
}
