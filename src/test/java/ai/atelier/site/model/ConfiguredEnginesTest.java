package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinPersonalizer;
import ai.atelier.site.builtin.SvgArtist;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The configured chain end to end against a local OpenAI-compatible server: metering, retries in the trace, keys, pricing. */
class ConfiguredEnginesTest {
    static final String OK = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}""";
    MockWebServer server;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ConfiguredEngines engines(String yaml, Map<String, String> env) throws Exception {
        AtelierConfig c = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords())
                .parse(new ObjectMapper(new YAMLFactory()).readTree(yaml.replace("URL", server.url("/v1").toString())), "test");
        return new ConfiguredEngines(c, ai.atelier.model.wiring.StandardProviders.standard(), new Credentials(env::get),
                n -> new Backoff(n, Duration.ofMillis(10), Duration.ofSeconds(5), () -> 0, slept::add));
    }

    static PersonaContext ctx(String role) {
        return new PersonaContext(role, "m", new CallMeter(System.nanoTime()), null, new Prompts(), new TokenCounter(), List.of());
    }

    static ChatRequest req(String role) {
        return new ChatRequest(role, "copy", "sys", "user", null, 100, null);
    }

    @Test
    void chatModelIsMeteredAndRetriesAppearInTheTrace() throws Exception {
        ConfiguredEngines e = engines("""
                models: {small: {provider: openai, model: gpt-4o-mini, baseUrl: URL, apiKeyEnv: K}}
                roles: {copywriter: small}
                """, Map.of("K", "sk-1"));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{\"error\":{\"message\":\"slow down\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build());
        PersonaContext ctx = ctx("copywriter");
        ModelClient c = e.chatModel("copywriter", ctx).orElseThrow();
        assertThat(c.chat(req("copywriter")).text()).isEqualTo("hello");
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
        List<ModelCall> calls = ctx.meter().calls();
        assertThat(calls).extracting(ModelCall::status).containsExactly("retry 1: rate_limited (HTTP 429), waited 1000 ms", "ok");
        assertThat(calls.get(0).costUsd()).isEqualTo(0.0);
        assertThat(calls.get(1).costUsd()).isEqualTo(0.000027); // 100*0.15e-6 + 20*0.6e-6 (priced by provider + model id)
        assertThat(e.chatModel("unbound-role", ctx)).isEmpty();
        assertThat(e.modelFor("copywriter")).isEqualTo("small");
        assertThat(e.modelFor("personalizer")).isEqualTo("builtin");
        assertThat(e.personalizer("personalizer")).isInstanceOf(BuiltinPersonalizer.class);
        assertThat(e.artist("artist")).isInstanceOf(SvgArtist.class);
    }

    @Test
    void missingKeyFailsAtCallTimeNamingTheVariable() throws Exception {
        ConfiguredEngines e = engines("""
                models: {small: {provider: openai, model: gpt-4o-mini, baseUrl: URL, apiKeyEnv: MY_KEY_VAR}}
                roles: {personalizer: small}
                """, Map.of());
        PersonaContext ctx = ctx("personalizer");
        assertThatThrownBy(() -> e.chatModel("personalizer", ctx).orElseThrow().chat(req("personalizer")))
                .isInstanceOf(ModelException.class).hasMessageContaining("set the environment variable MY_KEY_VAR")
                .hasMessageNotContaining("sk-");
        assertThat(server.getRequestCount()).isZero();
        assertThat(e.personalizer("personalizer")).isInstanceOf(ModelPersonalizer.class);
    }

    @Test
    void pricesSelfHostedAsZeroMarkedAndUnknownAsNull() throws Exception {
        ConfiguredEngines e = engines("""
                models:
                  local: {provider: ollama, model: "llama3.2:3b"}
                  lan: {provider: openai, model: qwen, baseUrl: "http://localhost:8080/v1"}
                  remote: {provider: openai, model: some-new-model, baseUrl: "https://openrouter.ai/api/v1"}
                roles: {personalizer: local}
                """, Map.of());
        var cfg = e.config();
        assertThat(e.price(cfg.models().get("local")).selfHosted()).isTrue();
        assertThat(e.price(cfg.models().get("local")).inputPerMTok()).isZero();
        assertThat(e.price(cfg.models().get("lan")).selfHosted()).isTrue();
        assertThat(e.price(cfg.models().get("remote"))).isNull();
    }

    @Test
    void escalationLadderComesFromTheConfig() throws Exception {
        ConfiguredEngines e = engines("""
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: URL}
                  big: {provider: openai, model: gpt-4o, baseUrl: URL}
                roles: {personalizer: small}
                escalation: {personalizer: [big]}
                """, Map.of());
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"context too long\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build());
        PersonaContext ctx = ctx("personalizer");
        assertThat(e.chatModel("personalizer", ctx).orElseThrow().chat(req("personalizer")).text()).isEqualTo("hello");
        assertThat(ctx.meter().calls()).extracting(ModelCall::model, ModelCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", "error: bad_request"), org.assertj.core.groups.Tuple.tuple("big", "ok"));
        assertThat(ctx.meter().calls().get(1).costUsd()).isEqualTo(0.00045); // gpt-4o: 100*2.5e-6 + 20*10e-6
    }
}
