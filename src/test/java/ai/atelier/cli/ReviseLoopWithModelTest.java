package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The revise loop against a model behind a local OpenAI-compatible server: the code-mode developer's
 * first page has two h1 elements (valid JSON, valid files, but QA's single-h1 check blocks it); the
 * developer is sent QA's failures, and its second page, written after reading them, passes.
 */
class ReviseLoopWithModelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    MockWebServer server;
    final List<String> developerPrompts = new CopyOnWriteArrayList<>();

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
        JsonNode body = JSON.readTree(r.getBody().utf8());
        String system = body.path("messages").get(0).path("content").asText();
        String user = body.path("messages").get(1).path("content").asText();
        String content;
        if (system.startsWith("You are the Front-end Developer")) {
            developerPrompts.add(user);
            String good = GenerateWithModelsEndToEndTest.code();
            // Before any QA feedback the page carries a second h1; after reading the feedback it does not.
            content = user.contains("<qa-feedback>") ? good : good.replace("<h2>How we help</h2>", "<h1>How we help</h1>");
        } else {
            content = GenerateWithModelsEndToEndTest.spec();
        }
        ObjectNode resp = JSON.createObjectNode();
        resp.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1732000000).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = resp.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        resp.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 500).put("total_tokens", 1500);
        return GenerateWithModelsEndToEndTest.ok(resp.toString());
    }

    @Test
    void aFailingPageGoesBackToTheDeveloperWithQaFeedbackAndPassesAfterRevision() throws Exception {
        String base = server.url("/v1").toString();
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: %s, catalog: gpt-4o-mini}
                  painter: {provider: openai, model: dall-e-3, baseUrl: %s, catalog: dall-e-3}
                roles:
                  personalizer: small
                  artist: painter
                  frontend-developer: small
                developer:
                  mode: code
                """.formatted(base, base));
        Path out = tmp.resolve("site");
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--company", "examples/company", "--config", config.toString(), "--no-browser", "--out", out.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());

        assertThat(developerPrompts).as(report.path("revisions").toPrettyString()).hasSize(2);
        assertThat(developerPrompts.get(0)).doesNotContain("<qa-feedback>");
        assertThat(developerPrompts.get(1)).contains("<qa-feedback>").contains("h1");
        assertThat(report.path("revisions")).as(report.toPrettyString()).isNotEmpty();
        JsonNode round = GenerateWithModelsEndToEndTest.step(report, "developer#r1");
        assertThat(round).as("the revision round is its own span").isNotNull();
        assertThat(round.path("status").asText()).isEqualTo("ok");
        // 1000 in * $0.15 + 500 out * $0.60 per 1M tokens: every round is priced like the first
        assertThat(round.path("costUsd").asDouble()).isEqualTo(0.00045);
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
        assertThat(code).isZero();
        assertThat(Files.readString(out.resolve("index.html"))).containsOnlyOnce("<h1");
    }
}
