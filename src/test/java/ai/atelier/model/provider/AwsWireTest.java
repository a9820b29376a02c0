package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.ChatRequest;
import ai.atelier.telemetry.InMemoryTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Bedrock's AWS SDK client at the wire, through the execution interceptor: inside a traced span the
 * Converse and InvokeModel requests carry the W3C traceparent of that span (and are still SigV4
 * signed), outside one they carry none; an answer declared or streamed past the model's
 * maxResponseBytes fails as RESPONSE_TOO_LARGE (not retryable) instead of being read whole.
 */
class AwsWireTest {
    static final int LIMIT = 10_000;
    static final String CONVERSE = """
            {"output":{"message":{"role":"assistant","content":[{"text":"%s"}]}},
             "stopReason":"end_turn","usage":{"inputTokens":30,"outputTokens":5,"totalTokens":35},"metrics":{"latencyMs":40}}""";
    private MockWebServer server;
    private final BedrockProvider provider = new BedrockProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret")));
    private final Credentials none = new Credentials(Map.<String, String>of()::get);

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelSpec spec(String modelId) {
        return new ModelSpec("nova", "bedrock", modelId, server.url("/").toString().replaceAll("/$", ""), null, "us-east-1", null,
                Duration.ofSeconds(20), 2, 2, ModelSpec.StructuredOutput.NATIVE, 256, "1024x1024", "standard", null, null, LIMIT);
    }

    static ChatRequest plain() {
        return new ChatRequest("personalizer", "test", "sys", "hi", null, 64, null);
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void insideASpanConverseAndInvokeModelCarryItsTraceparentOutsideNone() throws Exception {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        server.enqueue(json(CONVERSE.formatted("hello")));
        server.enqueue(json("{\"images\":[\"" + Base64.getEncoder().encodeToString(png) + "\"],\"error\":null}"));
        server.enqueue(json(CONVERSE.formatted("untraced")));
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false)) {
            Span span = mem.sdk.getTracer("test").spanBuilder("chat amazon.nova-micro-v1:0").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                assertThat(provider.chat(spec("amazon.nova-micro-v1:0"), none).chat(plain()).text()).isEqualTo("hello");
                provider.images(spec("amazon.nova-canvas-v1:0"), none)
                        .generate(new ImageClient.ImageRequest("artist", "image hero", "a foundry", "1024x1024", "standard"));
            } finally {
                span.end();
            }
            String expected = "00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-"; // then the flags
            for (String path : new String[] {"/model/amazon.nova-micro-v1%3A0/converse", "/model/amazon.nova-canvas-v1%3A0/invoke"}) {
                RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
                assertThat(req.getUrl().encodedPath()).isEqualTo(path);
                assertThat(req.getHeaders().get("traceparent")).as(path).startsWith(expected).hasSize(55);
                assertThat(req.getHeaders().get("Authorization")).as("still SigV4-signed").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
            }
        }
        provider.chat(spec("amazon.nova-micro-v1:0"), none).chat(plain());
        RecordedRequest untraced = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(untraced.getHeaders().get("traceparent")).as("no span, no traceparent").isNull();
    }

    @Test
    void anAnswerDeclaredOrStreamedPastTheLimitIsTooLargeNotRetryable() {
        server.enqueue(json(CONVERSE.formatted("x".repeat(50_000))));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .chunkedBody(CONVERSE.formatted("y".repeat(200_000)), 1024).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .chunkedBody("{\"images\":[\"" + "A".repeat(200_000) + "\"],\"error\":null}", 1024).build());
        server.enqueue(json(CONVERSE.formatted("small")));
        var chat = provider.chat(spec("amazon.nova-micro-v1:0"), none);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> chat.chat(plain())).as(i == 0 ? "declared" : "chunked")
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.RESPONSE_TOO_LARGE);
                        assertThat(e.kind().retryable()).isFalse();
                        assertThat(e.getMessage()).contains("larger than its limit of 10000 bytes").contains("maxResponseBytes");
                    });
        }
        assertThatThrownBy(() -> provider.images(spec("amazon.nova-canvas-v1:0"), none)
                .generate(new ImageClient.ImageRequest("artist", "image hero", "a foundry", "1024x1024", "standard")))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.RESPONSE_TOO_LARGE));
        assertThat(chat.chat(plain()).text()).as("an answer under the limit reads as usual").isEqualTo("small");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }
}
