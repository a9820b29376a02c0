package ai.atelier.model.provider;

import static ai.atelier.model.provider.OpenAiProviderTest.JSON;
import static ai.atelier.model.provider.OpenAiProviderTest.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.ChatResponse;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelException.Kind;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
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

/** Bedrock Runtime's Converse (via LangChain4j) and InvokeModel wire formats, SigV4-signed with dummy credentials. */
class BedrockProviderTest {
    private MockWebServer server;
    private ModelSpec spec;
    private final BedrockProvider provider = new BedrockProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret")));
    private final Credentials none = new Credentials(Map.<String, String>of()::get);

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        spec = TestSpecs.spec("nova", "bedrock", "amazon.nova-micro-v1:0", server.url("/").toString().replaceAll("/$", ""), null, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void converseIsSignedCarriesTheToolSchemaAndParsesUsage() throws Exception {
        server.enqueue(json(200, """
                {"output":{"message":{"role":"assistant","content":[
                   {"toolUse":{"toolUseId":"tooluse_1","name":"submit_answer","input":{"greeting":"hello","count":2}}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":300,"outputTokens":40,"totalTokens":340},"metrics":{"latencyMs":412}}"""));
        ChatResponse r = provider.chat(spec, none).chat(TestSpecs.json(TestSpecs.SCHEMA));
        assertThat(JSON.readTree(r.text())).isEqualTo(JSON.readTree("{\"greeting\":\"hello\",\"count\":2}"));
        assertThat(r.usage()).isEqualTo(new TokenUsage(300, 40, 0, false));
        assertThat(r.finishReason()).isEqualTo("tool_execution");

        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/model/amazon.nova-micro-v1%3A0/converse");
        assertThat(req.getHeaders().get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/bedrock/aws4_request")
                .contains("SignedHeaders=").contains("Signature=");
        assertThat(req.getHeaders().get("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are a test.");
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Say hello as JSON.");
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(256);
        JsonNode tool = body.path("toolConfig").path("tools").get(0).path("toolSpec");
        assertThat(tool.path("name").asText()).isEqualTo("submit_answer");
        assertThat(tool.path("inputSchema").path("json").path("properties").path("count").path("type").asText()).isEqualTo("integer");
        assertThat(body.path("toolConfig").path("toolChoice").has("any")).isTrue(); // one tool, which must be used
    }

    @Test
    void throttlingKeepsRetryAfterAndValidationIsNotRetryable() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .addHeader("Retry-After", "3").body("{\"message\":\"Too many requests, please wait before trying again.\"}").build());
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .body("{\"message\":\"The provided model identifier is invalid.\"}").build());
        ModelClient c = provider.chat(spec, none);
        assertThatThrownBy(() -> c.chat(TestSpecs.json(null))).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(e.getMessage()).contains("Too many requests");
        });
        assertThat(kind(c)).isEqualTo(Kind.BAD_REQUEST);
    }

    @Test
    void serverErrorTimeoutAndContentFilter() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", "InternalServerException").body("{\"message\":\"Internal server error\"}").build());
        server.enqueue(json(200, "{}").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        ModelClient c = provider.chat(spec, none);
        assertThat(kind(c)).isEqualTo(Kind.SERVER_ERROR);
        ModelClient impatient = provider.chat(TestSpecs.spec("nova", "bedrock", "amazon.nova-micro-v1:0", spec.baseUrl(), null, Duration.ofSeconds(1)), none);
        assertThat(kind(impatient)).isEqualTo(Kind.TIMEOUT);
        server.enqueue(json(200, """
                {"output":{"message":{"role":"assistant","content":[{"text":"I can't help with that."}]}},
                 "stopReason":"content_filtered","usage":{"inputTokens":30,"outputTokens":0,"totalTokens":30},"metrics":{"latencyMs":40}}"""));
        assertThat(kind(c)).isEqualTo(Kind.REFUSED);
    }

    @Test
    void novaCanvasImageViaInvokeModel() throws Exception {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        server.enqueue(json(200, "{\"images\":[\"" + Base64.getEncoder().encodeToString(png) + "\"],\"error\":null}"));
        ModelSpec canvas = TestSpecs.spec("canvas", "bedrock", "amazon.nova-canvas-v1:0", spec.baseUrl(), null);
        ImageClient.ImageResult r = provider.images(canvas, none)
                .generate(new ImageClient.ImageRequest("artist", "image hero", "a foundry at dawn", "1024x1024", "standard"));
        assertThat(r.data()).isEqualTo(png);
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(req.getUrl().encodedPath()).isEqualTo("/model/amazon.nova-canvas-v1%3A0/invoke");
        assertThat(req.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
        JsonNode body = JSON.readTree(req.getBody().utf8());
        assertThat(body.path("taskType").asText()).isEqualTo("TEXT_IMAGE");
        assertThat(body.path("textToImageParams").path("text").asText()).isEqualTo("a foundry at dawn");
        assertThat(body.path("imageGenerationConfig").path("width").asInt()).isEqualTo(1024);
    }
}
