package ai.atelier.cli;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.atelier.Atelier;
import ai.atelier.economics.CostEstimator;
import ai.atelier.knowledge.Company;
import ai.atelier.model.Backoff;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.model.ConfiguredEngines;
import ai.atelier.telemetry.InMemoryTelemetry;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code personas} site whose personalizer and developer run on the OpenAI wire-format test
 * server (the persona server the model end-to-end tests share), traced through the real SDK into
 * memory: chat spans carry the provider's attributes, the usage the server reported and the cost
 * from the catalog; the personalizer's first request gets a 503, so its span shows the retry; and
 * every request the server received carries the W3C traceparent of the chat span it belongs to.
 */
class ModelCallTraceTest {
    @TempDir
    Path tmp;
    MockWebServer server;
    final PersonaModelServer personas = new PersonaModelServer();
    final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean failedOnce = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                received.add(r);
                if (persona(r).equals("personalizer") && failedOnce.compareAndSet(false, true)) {
                    return new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"overloaded, try again\",\"type\":\"server_error\"}}").build();
                }
                return personas.dispatch(r);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String persona(RecordedRequest r) {
        try {
            JsonNode body = PersonaModelServer.JSON.readTree(r.getBody().utf8());
            return PersonaModelServer.persona(body.path("messages").get(0).path("content").asText());
        } catch (Exception e) {
            return "unreadable";
        }
    }

    @Test
    void chatSpansCarryProviderUsageCostRetriesAndTheirTraceparentGoesOnTheWire() throws Exception {
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  small:
                    provider: openai
                    model: gpt-4o-mini
                    baseUrl: %s
                    catalog: gpt-4o-mini
                roles:
                  personalizer: small
                  frontend-developer: small
                """.formatted(server.url("/v1")));
        var cfg = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).load(config);
        var engines = new ConfiguredEngines(cfg, ai.atelier.model.wiring.StandardProviders.standard(), Credentials.fromEnvironment(),
                n -> new Backoff(n, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0, d -> {}));
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false)) {
            ai.atelier.SiteResult result;
            try (Atelier atelier = Atelier.builder().engines(engines).quality(QualityConfig.defaults().withBrowser(false))
                    .pricer(CostEstimator.reference()).telemetry(mem.telemetry).company(Path.of("examples/company")).build()) {
                var profile = new ai.atelier.site.ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
                result = atelier.generate(new ai.atelier.SiteJob(profile, "personas", ai.atelier.SiteJob.Options.in(tmp.resolve("site")), "priya-wire"), RunListener.NONE);
            }
            assertThat(personas.failures).isEmpty();
            SpanData site = mem.one("invoke_workflow personas");
            SpanData personalizer = mem.one("invoke_agent personalizer");
            SpanData developer = mem.one("invoke_agent frontend-developer");
            assertThat(personalizer.getParentSpanId()).isEqualTo(site.getSpanId());
            assertThat(developer.getParentSpanId()).isEqualTo(site.getSpanId());

            List<SpanData> chats = mem.named("chat gpt-4o-mini");
            assertThat(chats).hasSize(2);
            for (SpanData chat : chats) {
                assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
                assertThat(chat.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
                assertThat(chat.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
                assertThat(chat.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
                assertThat(chat.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("gpt-4o-mini-2024-07-18");
                assertThat(chat.getAttributes().get(longKey("gen_ai.request.max_tokens"))).isPositive();
                assertThat(chat.getAttributes().get(stringArrayKey("gen_ai.response.finish_reasons"))).containsExactly("stop");
                assertThat(chat.getAttributes().get(stringKey("server.address"))).isEqualTo(server.getHostName());
                assertThat(chat.getAttributes().get(longKey("server.port"))).isEqualTo((long) server.getPort());
                assertThat(chat.getAttributes().get(booleanKey("atelier.tokens.estimated"))).isFalse();
                assertThat(chat.getAttributes().get(stringKey("atelier.model"))).isEqualTo("small");
            }
            SpanData pChat = chats.stream().filter(c -> c.getParentSpanId().equals(personalizer.getSpanId())).findFirst().orElseThrow();
            SpanData dChat = chats.stream().filter(c -> c.getParentSpanId().equals(developer.getSpanId())).findFirst().orElseThrow();
            assertThat(pChat.getAttributes().get(stringKey("gen_ai.agent.name"))).isEqualTo("personalizer");

            // usage and cost: what the server reported, priced from the catalog
            var served = personas.served("personalizer").get(0);
            assertThat(pChat.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(served.inputTokens());
            assertThat(pChat.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(served.outputTokens());
            assertThat(pChat.getAttributes().get(doubleKey("atelier.cost.usd"))).isCloseTo(PersonaModelServer.cost(served), within(1e-9));
            var devServed = personas.served("developer").get(0);
            assertThat(dChat.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(devServed.inputTokens());
            assertThat(dChat.getAttributes().get(doubleKey("atelier.cost.usd"))).isCloseTo(PersonaModelServer.cost(devServed), within(1e-9));
            var pStep = result.report().steps().stream().filter(s -> s.id().equals("personalizer")).findFirst().orElseThrow();
            assertThat(personalizer.getAttributes().get(doubleKey("atelier.cost.usd"))).isEqualTo(pStep.costUsd());
            assertThat(personalizer.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(served.inputTokens());

            // the retry: one span for the logical call, the failed attempt as an event
            assertThat(pChat.getAttributes().get(longKey("atelier.retries"))).isEqualTo(1);
            assertThat(dChat.getAttributes().get(longKey("atelier.retries"))).isZero();
            List<EventData> retries = pChat.getEvents().stream().filter(e -> e.getName().equals("atelier.retry")).toList();
            assertThat(retries).singleElement().satisfies(e -> {
                assertThat(e.getAttributes().get(longKey("atelier.retry.attempt"))).isEqualTo(1);
                assertThat(e.getAttributes().get(stringKey("error.type"))).isNotBlank();
            });

            // on the wire: each request carries the traceparent of its chat span (the retried one twice)
            List<RecordedRequest> toPersonalizer = received.stream().filter(r -> persona(r).equals("personalizer")).toList();
            assertThat(toPersonalizer).hasSize(2);
            String expected = "00-" + pChat.getTraceId() + "-" + pChat.getSpanId() + "-" + pChat.getSpanContext().getTraceFlags().asHex();
            assertThat(toPersonalizer).allSatisfy(r -> assertThat(r.getHeaders().get("traceparent")).isEqualTo(expected));
            RecordedRequest toDeveloper = received.stream().filter(r -> persona(r).equals("developer")).findFirst().orElseThrow();
            assertThat(toDeveloper.getHeaders().get("traceparent")).isEqualTo("00-" + dChat.getTraceId() + "-" + dChat.getSpanId() + "-" + dChat.getSpanContext().getTraceFlags().asHex());

            // metrics: the conventions' attributes, and the cost counter by agent
            MetricData tokens = mem.metric("gen_ai.client.token.usage").orElseThrow();
            assertThat(tokens.getHistogramData().getPoints()).anySatisfy(p -> {
                assertThat(p.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
                assertThat(p.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
                assertThat(p.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("gpt-4o-mini-2024-07-18");
                assertThat(p.getAttributes().get(stringKey("gen_ai.token.type"))).isEqualTo("input");
                assertThat(p.getAttributes().get(stringKey("server.address"))).isEqualTo(server.getHostName());
            });
            MetricData cost = mem.metric("atelier.model.cost").orElseThrow();
            assertThat(cost.getDoubleSumData().getPoints()).anySatisfy(p -> {
                assertThat(p.getAttributes().get(stringKey("gen_ai.agent.name"))).isEqualTo("personalizer");
                assertThat(p.getValue()).isCloseTo(PersonaModelServer.cost(served), within(1e-9));
            });
        }
    }

    @Test
    void withTelemetryOffNoTraceparentIsSent() throws Exception {
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  small:
                    provider: openai
                    model: gpt-4o-mini
                    baseUrl: %s
                    catalog: gpt-4o-mini
                roles:
                  personalizer: small
                """.formatted(server.url("/v1")));
        failedOnce.set(true);
        int code = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company",
                "examples/company", "--config", config.toString(), "--out", tmp.resolve("off").toString(), "--no-browser");
        assertThat(code).isIn(0, 1);
        assertThat(received).isNotEmpty().allSatisfy(r -> assertThat(r.getHeaders().get("traceparent")).isNull());
    }
}
