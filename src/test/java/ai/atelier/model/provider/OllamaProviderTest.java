package ai.atelier.model.provider;

import static ai.atelier.model.provider.OpenAiProviderTest.JSON;
import static ai.atelier.model.provider.OpenAiProviderTest.kind;
import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelException.Kind;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama's native /api/chat wire format: no auth, the schema in "format", usage in prompt_eval_count/eval_count. */
class OllamaProviderTest {
    private MockWebServer server;
    private ModelSpec spec;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        spec = TestSpecs.spec("local", "ollama", "llama3.2:3b", server.url("/").toString().replaceAll("/$", ""), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsSchemaAsFormatWithoutAuthAndParsesUsage() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"model":"llama3.2:3b","created_at":"2026-11-29T10:00:00.000000Z",
                 "message":{"role":"assistant","content":"{\\"greeting\\":\\"hello\\",\\"count\\":2}"},
                 "done_reason":"stop","done":true,"total_duration":4883583458,"load_duration":1334875,
                 "prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":12,"eval_duration":4535599000}""").build());
        ChatResponse r = new OllamaProvider().chat(spec, new Credentials(Map.<String, String>of()::get)).chat(TestSpecs.json(TestSpecs.SCHEMA));
        assertThat(r.text()).isEqualTo("{\"greeting\":\"hello\",\"count\":2}");
        assertThat(r.usage()).isEqualTo(new TokenUsage(26, 12, 0, false));
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/chat");
        assertThat(req.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("llama3.2:3b");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("format").path("properties").path("count").path("type").asText()).isEqualTo("integer");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Say hello as JSON.");
    }

    @Test
    void modelNotPulledIsNotFound() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"model \\\"llama3.2:3b\\\" not found, try pulling it first\"}").build());
        assertThat(kind(new OllamaProvider().chat(spec, new Credentials(Map.<String, String>of()::get)))).isEqualTo(Kind.NOT_FOUND);
    }
}
