package ai.atelier.telemetry;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat-span interceptor alone, in front of the OpenAI provider and a local server speaking its wire format. */
class ChatSpansTest {
    static final String COMPLETION = """
            {"id":"chatcmpl-9","object":"chat.completion","created":1732000000,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"greeting\\":\\"hello\\",\\"count\\":2}"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1234,"completion_tokens":56,"total_tokens":1290,"prompt_tokens_details":{"cached_tokens":1024}}}""";

    MockWebServer server;
    ModelSpec spec;
    final Credentials creds = new Credentials(Map.of("TEST_OPENAI_KEY", "sk-test-123")::get);
    final CatalogEntry price = ModelCatalog.bundled().find("gpt-4o-mini").orElseThrow();

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

    ChatPipeline pipeline(InMemoryTelemetry mem) {
        ChatSpans spans = mem.telemetry.chatSpans(new ChatSpans.Model("small", "openai", "openai", "gpt-4o-mini", spec.baseUrl(), null, () -> price));
        return new ChatPipeline(List.of(spans), ai.atelier.model.wiring.StandardProviders.standard().get("openai").chat(spec, creds));
    }

    @Test
    void cachedInputAndCostAndOptInContent() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(COMPLETION).build());
        try (InMemoryTelemetry mem = new InMemoryTelemetry(true)) {
            pipeline(mem).chat(TestSpecs.json(TestSpecs.SCHEMA));
            SpanData chat = mem.one("chat gpt-4o-mini");
            assertThat(chat.getAttributes().get(longKey("gen_ai.usage.cache_read.input_tokens"))).isEqualTo(1024);
            assertThat(chat.getAttributes().get(stringKey("gen_ai.output.type"))).isEqualTo("json");
            // 210 fresh * $0.15 + 1024 cached * $0.075 + 56 * $0.60, per 1M tokens
            assertThat(chat.getAttributes().get(doubleKey("atelier.cost.usd"))).isEqualTo(0.0001419);
            assertThat(chat.getAttributes().get(stringKey("gen_ai.output.messages"))).contains("\"role\":\"assistant\"")
                    .contains("greeting").contains("\"finish_reason\":\"stop\"");
            assertThat(chat.getAttributes().get(stringKey("gen_ai.input.messages"))).startsWith("[{\"role\":\"user\"");
        }
    }

    @Test
    void aFailedCallIsAnErrorSpanWithItsKindAndDuration() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}").build());
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false)) {
            assertThatThrownBy(() -> pipeline(mem).chat(TestSpecs.json(TestSpecs.SCHEMA))).isInstanceOf(ModelException.class);
            SpanData chat = mem.one("chat gpt-4o-mini");
            assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(chat.getAttributes().get(stringKey("error.type"))).isNotBlank();
            assertThat(chat.getAttributes().get(stringKey("gen_ai.input.messages"))).isNull();
            var duration = mem.metric("gen_ai.client.operation.duration").orElseThrow();
            assertThat(duration.getHistogramData().getPoints()).singleElement()
                    .satisfies(p -> assertThat(p.getAttributes().get(stringKey("error.type"))).isEqualTo(chat.getAttributes().get(stringKey("error.type"))));
            assertThat(mem.metric("gen_ai.client.token.usage")).isEmpty();
        }
    }
}
