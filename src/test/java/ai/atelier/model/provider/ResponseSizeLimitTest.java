package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model server's answer is read only up to the model's {@code maxResponseBytes}: an answer
 * declared or streamed past it fails as RESPONSE_TOO_LARGE (not retryable), on every provider that
 * goes through Atelier's HTTP client; an answer under it is read as usual.
 */
class ResponseSizeLimitTest {
    static final int LIMIT = 10_000;
    static final String OK = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""";

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

    static ModelSpec spec(String provider, String modelId, String url, String keyEnv) {
        return new ModelSpec("m", provider, modelId, url, keyEnv, null, null, Duration.ofSeconds(20), 2, 2,
                ModelSpec.StructuredOutput.NATIVE, 256, "1024x1024", "standard", null, null, LIMIT);
    }

    ModelClient client(String provider) {
        Credentials creds = new Credentials(Map.of("K", "test-key")::get);
        return switch (provider) {
            case "openai" -> new OpenAiProvider().chat(spec("openai", "gpt-4o-mini", server.url("/v1").toString(), "K"), creds);
            case "anthropic" -> new AnthropicProvider().chat(spec("anthropic", "claude-3-5-haiku-20241022", server.url("/v1/").toString(), "K"), creds);
            case "ollama" -> new OllamaProvider().chat(spec("ollama", "llama3.2:3b", server.url("").toString().replaceAll("/$", ""), null), creds);
            default -> throw new IllegalArgumentException(provider);
        };
    }

    static ChatRequest plain() {
        return new ChatRequest("personalizer", "test", "sys", "hi", null, 64, null);
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void anAnswerDeclaredLargerThanTheLimitIsRefusedAndNotRetryable(String provider) {
        server.enqueue(json(OK.formatted("x".repeat(50_000))));
        assertThatThrownBy(() -> client(provider).chat(plain())).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.RESPONSE_TOO_LARGE);
            assertThat(e.kind().retryable()).isFalse();
            assertThat(e.getMessage()).contains("larger than its limit of 10000 bytes").contains("maxResponseBytes")
                    .doesNotContain("Exception");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aChunkedAnswerIsCutOffOnceItPassesTheLimit() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .chunkedBody(OK.formatted("y".repeat(200_000)), 1024).build());
        assertThatThrownBy(() -> client("openai").chat(plain())).isInstanceOfSatisfying(ModelException.class,
                e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.RESPONSE_TOO_LARGE));
    }

    @Test
    void anAnswerUnderTheLimitIsReadAsUsual() {
        server.enqueue(json(OK.formatted("hello")));
        assertThat(client("openai").chat(plain()).text()).isEqualTo("hello");
    }

    @Test
    void theLimitIsSetPerModelInTheConfigAndDefaultsTo16MiB(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("atelier.yaml"), """
                models:
                  small: {provider: openai, model: gpt-4o-mini, apiKeyEnv: K, maxResponseBytes: 65536}
                  plain: {provider: openai, model: gpt-4o-mini, apiKeyEnv: K}
                roles:
                  personalizer: small
                """);
        var config = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).load(file);
        assertThat(config.models().get("small").responseLimit()).isEqualTo(65536);
        assertThat(config.models().get("plain").responseLimit()).isEqualTo(16 * 1024 * 1024);
    }
}
