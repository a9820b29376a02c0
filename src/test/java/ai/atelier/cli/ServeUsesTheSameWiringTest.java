package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.model.ModelCatalog;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunRecord;
import ai.atelier.runs.RunService;
import ai.atelier.runs.RunStatus;
import ai.atelier.runs.RunStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code atelier serve} builds its Atelier as generate does: a run submitted to the server's
 * {@link RunService} gets the config's escalation ladder and --quality's revise rounds. The
 * code-mode developer on the small model (behind a local OpenAI-compatible server) always writes
 * a page with two h1 elements; the quality file allows one revision round; the config escalates
 * the developer to the large model, whose page passes. Before the front door, serve ran with no
 * escalation and the bundled two rounds, and this run failed its quality gate.
 */
class ServeUsesTheSameWiringTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    MockWebServer server;
    final List<String> developerModels = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WireServer.start(this::answer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    MockResponse answer(RecordedRequest r) throws Exception {
        if (r.getUrl().encodedPath().endsWith("/images/generations")) {
            return GenerateWithModelsEndToEndTest.ok("{\"created\":1732000000,\"data\":[{\"b64_json\":\""
                    + Base64.getEncoder().encodeToString(GenerateWithModelsEndToEndTest.PNG) + "\"}]}");
        }
        if (!"POST".equals(r.getMethod())) return GenerateWithModelsEndToEndTest.ok("{\"data\":[]}"); // the binding check's probe
        JsonNode body = JSON.readTree(r.getBody().utf8());
        String model = body.path("model").asText();
        String system = body.path("messages").get(0).path("content").asText();
        String content;
        if (system.startsWith("You are the Front-end Developer")) {
            developerModels.add(model);
            String good = GenerateWithModelsEndToEndTest.code();
            // the small model never gets the page right, whatever QA tells it; the large one does
            content = model.equals("gpt-4o") ? good : good.replace("<h2>How we help</h2>", "<h1>How we help</h1>");
        } else {
            content = GenerateWithModelsEndToEndTest.spec();
        }
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1732000000).put("model", model);
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        resp.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 500).put("total_tokens", 1500);
        return GenerateWithModelsEndToEndTest.ok(resp.toString());
    }

    @Test
    void aServedRunEscalatesAlongTheConfigsLadderAfterTheRevisionRoundsTheQualityFileAllows() throws Exception {
        String base = server.url("/v1").toString();
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: %s, catalog: gpt-4o-mini}
                  large: {provider: openai, model: gpt-4o, baseUrl: %s, catalog: gpt-4o}
                  painter: {provider: openai, model: dall-e-3, baseUrl: %s, catalog: dall-e-3}
                roles:
                  personalizer: small
                  artist: painter
                  frontend-developer: small
                escalation:
                  frontend-developer: [large]
                developer:
                  mode: code
                """.formatted(base, base, base));
        Path quality = tmp.resolve("quality.yaml");
        Files.writeString(quality, "revise:\n  maxRounds: 1\n");
        Path data = tmp.resolve("data");

        CommandLine cli = new CommandLine(new ServeCommand());
        cli.parseArgs("--config", config.toString(), "--quality", quality.toString(), "--no-browser", "--company", "examples/company",
                "--data", data.toString());
        ServeCommand serve = cli.getCommand();
        try (Atelier atelier = serve.atelier();
             RunStore store = new RunStore(RunDatabase.h2In(data));
             RunService runs = new RunService(atelier, store, data, new RunService.Limits(1, 2), ModelCatalog.bundled())) {
            String id = runs.submit(Files.readAllBytes(Path.of("examples/profiles/manufacturing-priya-raman.json")), "personas").id();
            RunRecord done = await(runs, id);
            JsonNode report = JSON.readTree(done.reportJson());

            assertThat(done.status()).as(report.path("revisions").toPrettyString()).isEqualTo(RunStatus.DONE);
            assertThat(developerModels).containsExactly("gpt-4o-mini", "gpt-4o-mini", "gpt-4o");
            JsonNode revisions = report.path("revisions");
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(0).path("outcome").asText()).isEqualTo("failing");
            assertThat(revisions.get(1).path("outcome").asText()).isEqualTo("passed");
            assertThat(revisions.get(1).path("note").asText()).contains("escalated");
            assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
            // --no-browser reached QA too: the browser checks were skipped, not run
            assertThat(report.path("quality").path("checks").toString()).contains("browser checks disabled");
        }
    }

    static RunRecord await(RunService runs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            RunRecord r = runs.find(id).orElseThrow();
            if (r.status() == RunStatus.DONE || r.status() == RunStatus.FAILED) return r;
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish in 120 s");
    }
}
