package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.atelier.model.Backoff;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelException.Kind;
import ai.atelier.model.RetryInterceptor;
import ai.atelier.model.TestSpecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The same failure scenarios against every provider's real wire format: 429 with Retry-After then
 * success, 500, timeout, malformed JSON, truncated body, refusal or content filter.
 */
class ProviderResilienceTest {
    /** Each provider: how to reach it at a local server, and what its success and refusal bodies look like. */
    enum Wire {
        OPENAI("/v1", """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""", """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}"""),
        ANTHROPIC("/v1/", """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":"hello"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":11,"output_tokens":7}}""", """
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                 "content":[],"stop_reason":"refusal","stop_sequence":null,"usage":{"input_tokens":11,"output_tokens":0}}"""),
        OLLAMA("", """
                {"model":"llama3.2:3b","created_at":"2026-11-29T10:00:00Z","message":{"role":"assistant","content":"hello"},
                 "done_reason":"stop","done":true,"prompt_eval_count":11,"eval_count":7}""", null),
        BEDROCK("", """
                {"output":{"message":{"role":"assistant","content":[{"text":"hello"}]}},"stopReason":"end_turn",
                 "usage":{"inputTokens":11,"outputTokens":7,"totalTokens":18},"metrics":{"latencyMs":10}}""", """
                {"output":{"message":{"role":"assistant","content":[{"text":"Sorry, blocked."}]}},"stopReason":"guardrail_intervened",
                 "usage":{"inputTokens":11,"outputTokens":3,"totalTokens":14},"metrics":{"latencyMs":10}}""");

        final String base;
        final String ok;
        final String refusal;

        Wire(String base, String ok, String refusal) {
            this.base = base;
            this.ok = ok;
            this.refusal = refusal;
        }

        ModelClient client(MockWebServer server, Duration timeout) {
            String url = server.url(base).toString();
            if (base.isEmpty()) url = url.replaceAll("/$", "");
            Credentials creds = new Credentials(Map.of("K", "test-key")::get);
            return switch (this) {
                case OPENAI -> new OpenAiProvider().chat(TestSpecs.spec("m", "openai", "gpt-4o-mini", url, "K", timeout), creds);
                case ANTHROPIC -> new AnthropicProvider().chat(TestSpecs.spec("m", "anthropic", "claude-3-5-haiku-20241022", url, "K", timeout), creds);
                case OLLAMA -> new OllamaProvider().chat(TestSpecs.spec("m", "ollama", "llama3.2:3b", url, null, timeout), creds);
                case BEDROCK -> new BedrockProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                        .chat(TestSpecs.spec("m", "bedrock", "amazon.nova-micro-v1:0", url, null, timeout), creds);
            };
        }
    }

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static ChatRequest plain() {
        return new ChatRequest("personalizer", "test", "sys", "hi", null, 64, null);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void rateLimitedWithRetryAfterThenSuccess(Wire w) {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", "ThrottlingException").body("{\"message\":\"Too many requests\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}").build());
        server.enqueue(json(200, w.ok));
        List<Duration> slept = new ArrayList<>();
        ModelClient c = new ChatPipeline(List.of(new RetryInterceptor(new Backoff(2, Duration.ofMillis(50), Duration.ofSeconds(30), () -> 0, slept::add),
                (r, a, e, d) -> {})), w.client(server, Duration.ofSeconds(20)));
        ChatResponse r = c.chat(plain());
        assertThat(r.text()).isEqualTo("hello");
        assertThat(r.usage().inputTokens()).isEqualTo(11);
        assertThat(r.usage().outputTokens()).isEqualTo(7);
        assertThat(r.usage().estimated()).isFalse();
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void serverErrorIsRetryable(Wire w) {
        server.enqueue(json(500, "{\"message\":\"Internal server error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}"));
        assertThat(failure(w, Duration.ofSeconds(20))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.retryable()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void slowAnswerTimesOut(Wire w) {
        server.enqueue(json(200, w.ok).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        assertThat(failure(w, Duration.ofMillis(700)).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void malformedJsonIsABrokenResponse(Wire w) {
        server.enqueue(json(200, "{\"id\": \"x\", \"choices\": [ nope"));
        ModelException e = failure(w, Duration.ofSeconds(20));
        assertThat(e.kind()).isIn(Kind.MALFORMED_RESPONSE, Kind.TRUNCATED_RESPONSE);
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void truncatedBodyIsABrokenResponse(Wire w) {
        server.enqueue(json(200, w.ok).newBuilder().onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        ModelException e = failure(w, Duration.ofSeconds(20));
        assertThat(e.kind()).isIn(Kind.TRUNCATED_RESPONSE, Kind.MALFORMED_RESPONSE, Kind.CONNECTION);
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aConnectionClosedMidAnswerIsExplainedInTheUsersTerms(Wire w) {
        server.enqueue(json(200, w.ok).newBuilder().onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        ModelException e = failure(w, Duration.ofSeconds(20));
        assertThat(e.getMessage()).contains("model").doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)\\b");
    }

    @Test
    void aClosedChannelSaysWhatHappenedAndWhatToDo() {
        // what the JDK's HTTP client throws when the server goes away under a running call (no message of its own)
        ModelException e = Failures.translate("local", new java.io.UncheckedIOException(new java.io.IOException(new java.nio.channels.ClosedChannelException())));
        assertThat(e.getMessage()).doesNotContain("ClosedChannelException").contains("connection to model local closed")
                .contains("check that its server is still running").contains("--resume");
        assertThat(e.retryable()).isTrue();
        ModelException reset = Failures.translate("local", new java.io.UncheckedIOException(new java.net.SocketException("Connection reset")));
        assertThat(reset.getMessage()).contains("closed before its answer was complete");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void refusalOrContentFilterIsRefused(Wire w) {
        assumeTrue(w.refusal != null, "Ollama's API has no refusal signal; a refusing model's prose fails validation instead");
        server.enqueue(json(200, w.refusal));
        ChatRequest jsonRequest = TestSpecs.json(TestSpecs.SCHEMA);
        assertThatThrownBy(() -> w.client(server, Duration.ofSeconds(20)).chat(jsonRequest)).isInstanceOfSatisfying(ModelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
    }

    private ModelException failure(Wire w, Duration timeout) {
        try {
            w.client(server, timeout).chat(plain());
        } catch (ModelException e) {
            return e;
        }
        throw new AssertionError("expected a failure from " + w);
    }
}
