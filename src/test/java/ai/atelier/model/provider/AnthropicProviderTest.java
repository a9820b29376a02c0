package ai.atelier.model.provider;

import static ai.atelier.model.provider.OpenAiProviderTest.JSON;
import static ai.atelier.model.provider.OpenAiProviderTest.kind;
import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
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

/** Anthropic's Messages API wire format: x-api-key, anthropic-version, a forced tool for structured output. */
class AnthropicProviderTest {
    private MockWebServer server;
    private ModelSpec spec;
    private final Credentials creds = new Credentials(Map.of("TEST_ANTHROPIC_KEY", "sk-ant-test")::get);

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        spec = TestSpecs.spec("haiku", "anthropic", "claude-3-5-haiku-20241022", server.url("/v1/").toString(), "TEST_ANTHROPIC_KEY");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void forcesTheAnswerToolAndReadsItsInputAndUsage() throws Exception {
        server.enqueue(json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"tool_use","id":"toolu_01","name":"submit_answer","input":{"greeting":"hello","count":2}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":900,"output_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":300}}"""));
        ChatResponse r = new AnthropicProvider().chat(spec, creds).chat(TestSpecs.json(TestSpecs.SCHEMA));

        assertThat(JSON.readTree(r.text())).isEqualTo(JSON.readTree("{\"greeting\":\"hello\",\"count\":2}"));
        assertThat(r.usage()).isEqualTo(new TokenUsage(1200, 40, 300, false));
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(req.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(req.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(req.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(body.path("system").toString()).contains("You are a test.");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("submit_answer");
        assertThat(body.path("tools").get(0).path("input_schema").path("properties").has("greeting")).isTrue();
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("any");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
    }

    @Test
    void overloadedAndRateLimitedAreRetryableKinds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "1").addHeader("Content-Type", "application/json")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}").build());
        server.enqueue(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        server.enqueue(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));
        ModelClient c = new AnthropicProvider().chat(spec, creds);
        assertThat(kind(c)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(kind(c)).isEqualTo(Kind.SERVER_ERROR);
        assertThat(kind(c)).isEqualTo(Kind.AUTH);
    }
}
