package ai.atelier.interop;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.AtelierCommand;
import ai.atelier.model.llama.TinyModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code atelier generate} against the real llama.cpp server with the tiny random-weights model,
 * every text role bound to it ({@code provider: openai} + {@code baseUrl}), the artist on the
 * built-in engine. The model writes gibberish, so this is the test of construction, not of
 * content: every model-bound step of personas, single-llm and fine-grained must finish (the schema
 * Atelier sends makes any answer the grammar allows an accepted one), the page must be built from
 * the model's answer, QA must judge it, and report.json's tokens must equal the server's usage
 * fields call for call. A second server with a small context and {@code --no-context-shift} shows
 * that a prompt too long for the slot is refused before it is sent, never truncated silently.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlamaServerInteropTest {
    static final Set<String> NOT_MODEL = Set.of("qa", "artist");
    @TempDir
    Path tmp;
    LlamaServer server;

    @BeforeAll
    void start() throws Exception {
        server = LlamaServer.start(TinyModel.require(), Files.createTempDirectory("llama-interop"), "-c", "16384", "--parallel", "2");
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    static Path config(Path dir, String baseUrl, int maxTokens) throws Exception {
        return InteropConfigs.allTextRoles(dir, baseUrl, maxTokens);
    }

    static JsonNode generate(Path config, String workflow, Path out) throws Exception {
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", "examples/company",
                "--workflow", workflow, "--config", config.toString(), "--out", out.toString(), "--no-browser");
        JsonNode report = LlamaServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(code).as(report.toPrettyString()).isIn(0, AtelierCommand.EXIT_SITE_FAILED);
        return report;
    }

    /** Every model-bound step finished, the page exists, QA ran; the QA checks that failed are printed (content, not structure). */
    static void everyModelStepFinished(JsonNode report, Path out) throws Exception {
        List<String> failedChecks = new ArrayList<>();
        for (JsonNode s : report.path("steps")) {
            if (NOT_MODEL.contains(s.path("id").asText())) continue;
            assertThat(s.path("status").asText()).as(s.path("id").asText() + ": " + report.path("error").asText()).isEqualTo("ok");
            assertThat(s.path("model").asText()).isIn("tiny", "builtin");
        }
        assertThat(out.resolve("index.html")).exists();
        JsonNode quality = report.path("quality");
        assertThat(quality.isMissingNode()).as("QA judged the page").isFalse();
        quality.path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean(true)) failedChecks.add(c.path("name").asText() + ": " + c.path("detail").asText(c.path("message").asText()));
        });
        System.out.println("[interop] " + report.path("workflow").asText() + ": QA passed=" + quality.path("passed").asBoolean()
                + "; failed checks: " + failedChecks);
    }

    void tokensEqualTheServersUsage(JsonNode report, int before) {
        List<long[]> served = new ArrayList<>(server.usages.subList(before, server.usages.size()));
        long in = served.stream().mapToLong(u -> u[0]).sum(), outTokens = served.stream().mapToLong(u -> u[1]).sum();
        // the calls the server answered, as the report records them (the built-in artist's calls are estimated apart)
        long reportIn = 0, reportOut = 0;
        int servedCalls = 0;
        for (JsonNode step : report.path("steps")) {
            for (JsonNode call : step.path("calls")) {
                if (!"tiny".equals(call.path("model").asText())) continue;
                assertThat(call.path("usage").path("estimated").asBoolean()).as("tokens of a served call come from its usage").isFalse();
                reportIn += call.path("usage").path("inputTokens").asLong();
                reportOut += call.path("usage").path("outputTokens").asLong();
                servedCalls++;
            }
        }
        assertThat(reportIn).isEqualTo(in);
        assertThat(reportOut).isEqualTo(outTokens);
        assertThat(servedCalls).isEqualTo(served.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fine-grained", "personas", "single-llm"})
    void everyModelBoundStepFinishesOnTheRealServer(String workflow) throws Exception {
        Path out = tmp.resolve(workflow);
        int before = server.usages.size();
        JsonNode report = generate(config(tmp.resolve("cfg-" + workflow), server.baseUrl(), 1536), workflow, out);
        everyModelStepFinished(report, out);
        tokensEqualTheServersUsage(report, before);
        assertThat(report.path("tokenSource").asText()).startsWith("provider usage");
    }

    @Test
    void aPromptTooLongForTheSlotIsRefusedBeforeItIsSentNeverCut() throws Exception {
        try (LlamaServer small = LlamaServer.start(TinyModel.require(), Files.createTempDirectory("llama-small"), "-c", "2048", "--parallel", "1",
                "--no-context-shift")) {
            Path out = tmp.resolve("small-context");
            JsonNode report = generate(config(tmp.resolve("cfg-small"), small.baseUrl(), 512), "personas", out);
            JsonNode step = report.path("steps").get(0);
            assertThat(step.path("status").asText()).isEqualTo("failed");
            assertThat(report.path("error").asText()).contains("do not fit model tiny's context window of 2048 tokens")
                    .contains("GET /props").contains("not sent");
            assertThat(small.usages).as("no chat request reached the server").isEmpty();
        }
    }
}
