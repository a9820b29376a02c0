package ai.atelier.model.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelClient;
import ai.atelier.model.provider.Credentials;
import ai.atelier.telemetry.Telemetry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The models of one configuration against a local OpenAI-compatible server (the real Chat
 * Completions wire format): a role promoted one rung up its escalation ladder reaches the larger
 * model through the same client and the same concurrency limit as the base ladder does, so a model
 * configured with {@code concurrency: 1} never has two calls in flight at the server.
 */
class ConfiguredModelsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    MockWebServer server;
    /** Calls in flight at the server right now, and the most seen at once, per model id. */
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    final AtomicInteger served = new AtomicInteger();
    volatile long holdMs = 150;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!r.getTarget().endsWith("/chat/completions")) return new MockResponse.Builder().code(404).build(); // e.g. llama.cpp's GET /props probe
                String model;
                try {
                    model = JSON.readTree(r.getBody().utf8()).path("model").asText();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"not JSON\"}}").build();
                }
                int now = inFlight.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
                maxInFlight.computeIfAbsent(model, m -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                try {
                    // hold the call until a second one for the same model is in flight, or holdMs passed:
                    // unguarded calls then overlap for certain, guarded ones each wait holdMs alone
                    long until = System.nanoTime() + holdMs * 1_000_000;
                    while (maxInFlight.get(model).get() < 2 && System.nanoTime() < until) Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.get(model).decrementAndGet();
                }
                served.incrementAndGet();
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                        {"id":"c","object":"chat.completion","created":1,"model":"%s",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}""".formatted(model)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ConfiguredModels models() throws Exception {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: URL, concurrency: 1}
                  big: {provider: openai, model: gpt-4o, baseUrl: URL, concurrency: 1}
                roles: {personalizer: small}
                escalation: {personalizer: [big]}
                """.replace("URL", server.url("/v1").toString()));
        AtelierConfig c = new ConfigLoader(StandardProviders.standard().keywords()).parse(yaml, "test");
        return ConfiguredModels.builder(c).credentials(new Credentials(Map.<String, String>of()::get))
                .backoff(n -> new Backoff(n, Duration.ofMillis(10), Duration.ofSeconds(5), () -> 0, d -> {})).build();
    }

    static ChatRequest req() {
        return new ChatRequest("personalizer", "copy", "sys", "user", null, 100, null);
    }

    @Test
    void basePathAndPromotedPathShareTheLargerModelsConcurrencyLimit() throws Exception {
        try (ConfiguredModels base = models()) {
            ConfiguredModels promoted = base.promoted("personalizer").orElseThrow();
            assertThat(promoted.modelFor("personalizer").orElseThrow().name()).isEqualTo("big");
            assertThat(promoted.promoted("personalizer")).as("the ladder's last rung has nowhere to go").isEmpty();
            CallMeter meter = new CallMeter(System.nanoTime());
            // the base ladder's second rung and the promoted role's own model are both "big"
            ModelClient viaBaseLadder = base.ladder("personalizer", meter, Telemetry.off()).get(1);
            ModelClient viaPromotion = promoted.chat("personalizer", meter, Telemetry.off());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    answers.add(pool.submit(() -> viaBaseLadder.chat(req()).text()));
                    answers.add(pool.submit(() -> viaPromotion.chat(req()).text()));
                }
                for (Future<String> a : answers) assertThat(a.get()).isEqualTo("hello");
            } finally {
                pool.shutdownNow();
            }
            assertThat(served.get()).isEqualTo(6);
            assertThat(maxInFlight.get("gpt-4o").get()).as("calls in flight at once to a model with concurrency: 1").isEqualTo(1);
            assertThat(meter.calls()).extracting(ModelCall::model).containsOnly("big").hasSize(6);
        }
    }

    @Test
    void separateConfigurationsHaveSeparateLimits() throws Exception {
        // the control: two objects built from the same config are two owners, so their calls may overlap;
        // this is what a promotion that built new clients and limits did before
        holdMs = 5000; // returns as soon as the other call is in flight too
        try (ConfiguredModels one = models(); ConfiguredModels two = models()) {
            CallMeter meter = new CallMeter(System.nanoTime());
            ModelClient a = one.ladder("personalizer", meter, Telemetry.off()).get(1);
            ModelClient b = two.ladder("personalizer", meter, Telemetry.off()).get(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> x = pool.submit(() -> a.chat(req()));
                Future<?> y = pool.submit(() -> b.chat(req()));
                x.get();
                y.get();
            } finally {
                pool.shutdownNow();
            }
            assertThat(maxInFlight.get("gpt-4o").get()).isEqualTo(2);
        }
    }
}
