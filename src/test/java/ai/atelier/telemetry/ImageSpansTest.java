package ai.atelier.telemetry;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ConcurrencyLimit;
import ai.atelier.model.ImageClient;
import ai.atelier.model.MeteredImages;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
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

/**
 * Image-model calls get a GenAI span like chat calls: {@code generate_content {model}} around the
 * metered client (one span over a picture and its retries), in front of the OpenAI provider and a
 * local server speaking the images wire format; the HTTP request carries the span's traceparent.
 */
class ImageSpansTest {
    static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    MockWebServer server;
    ModelSpec spec;
    final Credentials creds = new Credentials(Map.of("TEST_OPENAI_KEY", "sk-test-123")::get);
    final CatalogEntry price = ModelCatalog.bundled().find("dall-e-3").orElseThrow();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        spec = TestSpecs.spec("dalle", "openai", "dall-e-3", server.url("/v1").toString(), "TEST_OPENAI_KEY");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ImageClient client(Telemetry telemetry, CallMeter meter) {
        Backoff noWait = new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.0, d -> {});
        return telemetry.images(new ChatSpans.Model("dalle", "openai", "openai", "dall-e-3", spec.baseUrl(), null, () -> price),
                ai.atelier.model.wiring.StandardProviders.standard().get("openai").images(spec, creds),
                p -> new MeteredImages(p, "dalle", "openai", price, meter, null, noWait, new ConcurrencyLimit("dalle", 2, Duration.ofSeconds(5))));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aPictureIsAGenerateContentSpanWithItsCostAndRetriesAndTheRequestCarriesItsTraceparent() throws Exception {
        server.enqueue(json(500, "{\"error\":{\"message\":\"try again\",\"type\":\"server_error\"}}"));
        server.enqueue(json(200, "{\"created\":1732000000,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}]}"));
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false)) {
            CallMeter meter = new CallMeter(System.nanoTime());
            ImageClient.ImageResult r = client(mem.telemetry, meter)
                    .generate(new ImageClient.ImageRequest("artist", "image hero", "draw a foundry", "1024x1024", "standard"));
            assertThat(r.data()).isEqualTo(PNG);

            SpanData span = mem.one("generate_content dall-e-3");
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("generate_content");
            assertThat(span.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
            assertThat(span.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("dall-e-3");
            assertThat(span.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("dall-e-3");
            assertThat(span.getAttributes().get(stringKey("gen_ai.output.type"))).isEqualTo("image");
            assertThat(span.getAttributes().get(stringKey("server.address"))).isEqualTo(server.getHostName());
            assertThat(span.getAttributes().get(stringKey("atelier.image.size"))).isEqualTo("1024x1024");
            assertThat(span.getAttributes().get(doubleKey("atelier.cost.usd"))).isEqualTo(0.04);
            assertThat(span.getAttributes().get(longKey("atelier.retries"))).isEqualTo(1);
            assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("atelier.retry");
            assertThat(span.getAttributes().get(stringKey("gen_ai.input.messages"))).as("prompts only when opted in").isNull();
            // the metered call records the same price the span carries
            assertThat(meter.calls()).filteredOn(c -> c.status().equals("ok")).singleElement()
                    .satisfies(c -> assertThat(c.costUsd()).isEqualTo(0.04));

            // both HTTP attempts carry this span's trace context
            for (int i = 0; i < 2; i++) {
                RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
                assertThat(req.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
                assertThat(req.getHeaders().get("traceparent")).as("attempt %d", i + 1)
                        .startsWith("00-" + span.getTraceId() + "-" + span.getSpanId() + "-");
            }
            var duration = mem.metric("gen_ai.client.operation.duration").orElseThrow();
            assertThat(duration.getHistogramData().getPoints()).singleElement()
                    .satisfies(p -> assertThat(p.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("generate_content"));
            assertThat(mem.metric("gen_ai.client.token.usage")).as("image models report no tokens").isEmpty();
        }
    }

    @Test
    void aRefusedPictureIsAnErrorSpanAndOffMeansNoSpanAtAll() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"your prompt was rejected\",\"type\":\"invalid_request_error\",\"code\":\"content_policy_violation\"}}"));
        try (InMemoryTelemetry mem = new InMemoryTelemetry(true)) {
            assertThatThrownBy(() -> client(mem.telemetry, new CallMeter(System.nanoTime()))
                    .generate(new ImageClient.ImageRequest("artist", "image hero", "draw a foundry", "1024x1024", "standard")))
                    .isInstanceOf(ModelException.class);
            SpanData span = mem.one("generate_content dall-e-3");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(stringKey("error.type"))).isNotBlank();
            assertThat(span.getAttributes().get(stringKey("gen_ai.input.messages"))).contains("draw a foundry");
        }
        // telemetry off: the metered client itself, no wrapper
        ImageClient plain = ai.atelier.model.wiring.StandardProviders.standard().get("openai").images(spec, creds);
        ImageClient[] seen = new ImageClient[1];
        ImageClient off = Telemetry.off().images(new ChatSpans.Model("dalle", "openai", "openai", "dall-e-3", null, null, () -> price), plain,
                p -> seen[0] = p);
        assertThat(off).isSameAs(plain).isSameAs(seen[0]);
    }
}
