package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.Backoff;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelException.Kind;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.RetryInterceptor;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAI's Chat Completions and Images wire format, served by a local MockWebServer. */
class OpenAiProviderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMPLETION = """
            {"id":"chatcmpl-9","object":"chat.completion","created":1732000000,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"greeting\\":\\"hello\\",\\"count\\":2}","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1234,"completion_tokens":56,"total_tokens":1290,
                      "prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0}},
             "system_fingerprint":"fp_1"}""";

    private MockWebServer server;
    private ModelSpec spec;
    private final Credentials creds = new Credentials(Map.of("TEST_OPENAI_KEY", "sk-test-123")::get);

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        spec = TestSpecs.spec("small", "openai", "gpt-4o-mini", server.url("/v1").toString(), "TEST_OPENAI_KEY", Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void sendsBearerModelMessagesAndJsonSchemaAndParsesUsage() throws Exception {
        server.enqueue(json(200, COMPLETION));
        ChatResponse r = new OpenAiProvider().chat(spec, creds).chat(TestSpecs.json(TestSpecs.SCHEMA));

        assertThat(r.text()).isEqualTo("{\"greeting\":\"hello\",\"count\":2}");
        assertThat(r.usage()).isEqualTo(new TokenUsage(1234, 56, 1024, false));
        assertThat(r.finishReason()).isEqualTo("stop");
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123");
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are a test.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        JsonNode schema = body.path("response_format").path("json_schema").path("schema");
        assertThat(schema.path("properties").path("count").path("type").asText()).isEqualTo("integer");
        assertThat(schema.path("required").toString()).contains("greeting", "count");
    }

    @Test
    void missingKeySaysWhichVariableToSet() {
        ModelClient c = new OpenAiProvider().chat(spec, new Credentials(Map.<String, String>of()::get));
        assertThatThrownBy(() -> c.chat(TestSpecs.json(null))).isInstanceOf(ModelException.class)
                .hasMessageContaining("set the environment variable TEST_OPENAI_KEY");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rateLimitWithRetryAfterIsHonouredThenSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(json(200, COMPLETION));
        List<Duration> slept = new ArrayList<>();
        ModelClient c = new ChatPipeline(List.of(new RetryInterceptor(new Backoff(3, Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0, slept::add),
                (r, a, e, w) -> {})), new OpenAiProvider().chat(spec, creds));
        assertThat(c.chat(TestSpecs.json(null)).usage().outputTokens()).isEqualTo(56);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void errorStatusesAreClassified() {
        server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        server.enqueue(json(400, "{\"error\":{\"message\":\"Invalid schema\",\"type\":\"invalid_request_error\"}}"));
        ModelClient c = new OpenAiProvider().chat(spec, creds);
        assertThat(kind(c)).isEqualTo(Kind.SERVER_ERROR);
        assertThat(kind(c)).isEqualTo(Kind.AUTH);
        assertThat(kind(c)).isEqualTo(Kind.BAD_REQUEST);
    }

    @Test
    void slowServerTimesOut() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(COMPLETION)
                .headersDelay(3, TimeUnit.SECONDS).build());
        ModelSpec impatient = TestSpecs.spec("small", "openai", "gpt-4o-mini", spec.baseUrl(), "TEST_OPENAI_KEY", Duration.ofMillis(800));
        assertThat(kind(new OpenAiProvider().chat(impatient, creds))).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void malformedAndTruncatedBodiesAreReportedAsBrokenResponses() {
        server.enqueue(json(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\": nope"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(COMPLETION.substring(0, 120)).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(COMPLETION).onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        ModelClient c = new OpenAiProvider().chat(spec, creds);
        assertThat(kind(c)).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(kind(c)).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(kind(c)).isIn(Kind.TRUNCATED_RESPONSE, Kind.MALFORMED_RESPONSE);
    }

    @Test
    void refusalIsReportedAsRefused() {
        server.enqueue(json(200, """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":9,"total_tokens":19}}"""));
        server.enqueue(json(200, """
                {"id":"chatcmpl-3","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"content_filter"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":0,"total_tokens":10}}"""));
        ModelClient c = new OpenAiProvider().chat(spec, creds);
        assertThat(kind(c)).isEqualTo(Kind.REFUSED);
        assertThat(kind(c)).isEqualTo(Kind.REFUSED);
    }

    @Test
    void imagesArriveAsB64Json() throws Exception {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        server.enqueue(json(200, "{\"created\":1732000000,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png)
                + "\",\"revised_prompt\":\"a flat illustration\"}]}"));
        ModelSpec img = TestSpecs.spec("dalle", "openai", "dall-e-3", spec.baseUrl(), "TEST_OPENAI_KEY");
        ImageClient.ImageResult r = new OpenAiProvider().images(img, creds)
                .generate(new ImageClient.ImageRequest("artist", "image hero", "draw a foundry", "1024x1024", "standard"));
        assertThat(r.data()).isEqualTo(png);
        assertThat(r.mediaType()).isEqualTo("image/png");
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123");
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("dall-e-3");
        assertThat(body.path("prompt").asText()).isEqualTo("draw a foundry");
        assertThat(body.path("size").asText()).isEqualTo("1024x1024");
    }

    static Kind kind(ModelClient c) {
        try {
            c.chat(TestSpecs.json(null));
        } catch (ModelException e) {
            return e.kind();
        }
        throw new AssertionError("expected a ModelException");
    }
}
