package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import ai.atelier.model.llama.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier generate} with the personalizer and the front-end developer on the tiny
 * random-weights GGUF model running in-process (two model entries naming the same file), the
 * artist on the built-in engine. The model writes gibberish, so the site may well fail: what must
 * hold is that the run completes, that the report tells the truth about it (steps, tokens counted
 * by the model's tokenizer, self-hosted cost, the failure and its reason), that the exit code
 * matches the report's status, that the file is loaded once, and that whatever page exists keeps
 * the page rules.
 */
class EmbeddedModelGenerateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path tinyModel() {
        return TinyModel.require();
    }

    @Test
    void personasOnTheTinyModelCompleteAndReportWhatHappened() throws Exception {
        Files.createDirectories(tmp.resolve("conf"));
        Path config = tmp.resolve("conf/atelier.yaml");
        // the prompt (~5.6k tokens of the model's tokenizer) is longer than the tiny model's 2048 trained
        // tokens, so the context is set past it on purpose; two entries, one file: one load
        Files.writeString(config, """
                models:
                  tiny-planner:
                    provider: llamacpp-embedded
                    model: %s
                    contextSize: 16384
                    threads: 2
                    slots: 2
                    machineCostPerHour: 0.10
                    maxRetries: 0
                    maxOutputTokens: 1536
                    timeout: 90s
                  tiny-coder:
                    provider: llamacpp-embedded
                    model: %s
                    contextSize: 16384
                    threads: 2
                    slots: 2
                    temperature: 0.7
                    maxRetries: 0
                    maxOutputTokens: 1536
                    timeout: 90s
                roles:
                  personalizer: tiny-planner
                  frontend-developer: tiny-coder
                """.formatted(tinyModel(), tinyModel()));
        Path out = tmp.resolve("site");
        GenerateCommandTest.Run r = GenerateCommandTest.run(out, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--config", config.toString(), "--out", out.toString());
        System.out.println("[embedded tiny model, generate] exit " + r.exit() + "\n" + r.out());

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        String status = report.path("status").asText();
        assertThat(status).isIn("ok", "failed");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(status.equals("ok") ? 0 : AtelierCommand.EXIT_SITE_FAILED);
        assertThat(report.path("workflow").asText()).isEqualTo("personas");
        // QA's revise loop may add rounds (personalizer#r1 …) after the first four steps
        assertThat(ids(report.path("steps"))).startsWith("personalizer", "artist", "developer", "qa");
        assertThat(report.path("tokenSource").asText()).startsWith("provider usage");
        // structure valid by construction: every model-bound step finished; gibberish fails QA on content, not validation
        assertThat(GenerateWithModelsEndToEndTest.step(report, "personalizer").path("status").asText()).as(report.path("error").asText()).isEqualTo("ok");
        assertThat(GenerateWithModelsEndToEndTest.step(report, "developer").path("status").asText()).as(report.path("error").asText()).isEqualTo("ok");

        // the file is loaded once, whichever roles ran on it
        assertThat(r.err().lines().filter(l -> l.startsWith("embedded model loaded")).count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("tiny-random-llama.gguf (llama, 4.2M params");

        JsonNode personalizer = GenerateWithModelsEndToEndTest.step(report, "personalizer");
        assertThat(personalizer.path("model").asText()).isEqualTo("tiny-planner");
        assertThat(personalizer.path("calls").size()).isGreaterThanOrEqualTo(1);
        long in = 0, outTok = 0;
        for (JsonNode call : personalizer.path("calls")) {
            assertThat(call.path("provider").asText()).isEqualTo("llamacpp-embedded (self-hosted, estimated cost)");
            assertThat(call.path("status").asText()).isEqualTo("ok");
            // counted by the model's own tokenizer: not estimated, and far more tokens than the o200k count would give
            assertThat(call.path("usage").path("estimated").asBoolean()).isFalse();
            assertThat(call.path("usage").path("inputTokens").asLong()).isGreaterThan(2048);
            assertThat(call.path("usage").path("outputTokens").asLong()).isBetween(1L, 1536L);
            // machine cost over measured throughput: a small positive price, never a listed one
            assertThat(call.path("costUsd").asDouble()).isGreaterThan(0.0).isLessThan(0.01);
            in += call.path("usage").path("inputTokens").asLong();
            outTok += call.path("usage").path("outputTokens").asLong();
        }
        assertThat(personalizer.path("inputTokens").asLong()).isEqualTo(in);
        assertThat(personalizer.path("outputTokens").asLong()).isEqualTo(outTok);
        assertThat(personalizer.path("tokensEstimated").asBoolean()).isFalse();
        assertThat(GenerateWithModelsEndToEndTest.step(report, "artist").path("model").asText()).isEqualTo("builtin");
        assertThat(GenerateWithModelsEndToEndTest.step(report, "developer").path("model").asText()).isEqualTo("tiny-coder");

        if (status.equals("failed")) {
            // the failure is reported, with its reason, on the console and in the report
            assertThat(report.path("error").asText()).isNotBlank();
            assertThat(r.out()).contains("Site FAILED").contains(report.path("error").asText().substring(0, 40));
        }
        if (Files.exists(out.resolve("index.html"))) {
            assertPageRules(out);
        } else {
            // no page was built: the report must not claim one
            assertThat(status).isEqualTo("failed");
            assertThat(report.path("files").toString()).doesNotContain("index.html");
        }
    }

    @Test
    void modelsListsConfiguredGgufFilesFromTheirHeadersWithoutLoadingThem() throws Exception {
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  tiny:
                    provider: llamacpp-embedded
                    model: %s
                  gone:
                    provider: llamacpp-embedded
                    model: missing/nothing-here.gguf
                roles:
                  personalizer: tiny
                """.formatted(tinyModel()));
        GenerateCommandTest.Run r = GenerateCommandTest.run(tmp, "models", "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String table = r.out().substring(r.out().indexOf("In-process GGUF models"));
        String row = table.lines().filter(l -> l.startsWith("tiny ")).findFirst().orElseThrow();
        assertThat(row.split("\\s{2,}")).containsSubsequence("tiny", "llama", "4.2M", "Q8_0", "2048", "5.4 MB");
        assertThat(table).contains("gone: ").contains("nothing-here.gguf");
        assertThat(r.out()).contains("no key needed (in-process: tiny (llama, 4.2M params").contains("self-hosted");
        assertThat(r.err()).doesNotContain("embedded model loaded");
    }

    static void assertPageRules(Path site) throws Exception {
        Document doc = Jsoup.parse(site.resolve("index.html").toFile());
        assertThat(doc.select("script[src], iframe, object, embed, base")).isEmpty();
        for (Element e : doc.select("[src], link[href]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertThat(ref).as(e.outerHtml()).doesNotContain("//").doesNotStartWith("http").doesNotContain("..");
        }
        assertThat(doc.select("[onerror], [onload], [onclick]")).isEmpty();
        assertThat(doc.select("h1").text()).doesNotContain("<");
    }

    private static List<String> ids(JsonNode steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }
}
