package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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
 * Every bound of an answer schema reaches the wire, for every provider: the request bodies a local
 * server receives (OpenAI Chat Completions, Anthropic Messages, Ollama /api/chat, Bedrock Converse)
 * carry minItems/maxItems, minLength/maxLength, minimum/maximum, enums and additionalProperties:
 * false exactly as the persona's schema states them (LangChain4j's own schema builders would drop
 * all of them), and OpenAI's is strict: true in strict mode's subset.
 */
class SchemaOnTheWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A persona-like schema: bounded list of bounded objects, a range, an enum, an optional field. */
    static final String BOUNDED = """
            {"type":"object","properties":{
               "items":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"object","properties":{
                  "id":{"type":"string","enum":["a","b"]},
                  "text":{"type":"string","minLength":1,"maxLength":40},
                  "note":{"type":"string","maxLength":10}},
                 "required":["id","text"],"additionalProperties":false}},
               "score":{"type":"integer","minimum":1,"maximum":5}},
             "required":["items","score"],"additionalProperties":false}""";
    private static final String ANSWER = "{\"items\":[{\"id\":\"a\",\"text\":\"hi\"}],\"score\":3}";
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

    private static ChatRequest request() {
        return new ChatRequest("personalizer", "personalize", "You are a test.", "Answer.", BOUNDED, 256, null);
    }

    private JsonNode body() throws Exception {
        RecordedRequest req = server.takeRequest(2, TimeUnit.SECONDS);
        return JSON.readTree(req.getBody().utf8());
    }

    private static void hasEveryBound(JsonNode schema) {
        hasEveryBound(schema, true);
    }

    /** @param rootClosed false where LangChain4j's tool mapping drops the root object's additionalProperties (Anthropic, Bedrock) */
    private static void hasEveryBound(JsonNode schema, boolean rootClosed) {
        JsonNode items = schema.path("properties").path("items");
        assertThat(items.path("minItems").asInt()).isEqualTo(1);
        assertThat(items.path("maxItems").asInt()).isEqualTo(3);
        JsonNode item = items.path("items");
        assertThat(item.path("additionalProperties").isBoolean() && !item.path("additionalProperties").asBoolean()).as(item.toString()).isTrue();
        assertThat(item.path("properties").path("text").path("maxLength").asInt()).isEqualTo(40);
        assertThat(item.path("properties").path("id").path("enum").toString()).contains("\"a\"", "\"b\"");
        assertThat(schema.path("properties").path("score").path("minimum").asInt()).isEqualTo(1);
        assertThat(schema.path("properties").path("score").path("maximum").asInt()).isEqualTo(5);
        if (rootClosed) assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void openAiCompatibleServersGetStrictJsonSchemaWithEveryBound() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"id":"c1","object":"chat.completion","created":1,"model":"tiny","choices":[{"index":0,
                 "message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""".formatted(JSON.writeValueAsString(ANSWER))).build());
        ModelSpec spec = TestSpecs.spec("tiny", "openai", "tiny", server.url("/v1").toString(), "K", Duration.ofSeconds(10));
        new OpenAiProvider().chat(spec, new Credentials(Map.of("K", "sk-x")::get)).chat(request());
        JsonNode format = body().path("response_format");
        System.out.println("OpenAI-compatible response_format: " + format);
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        hasEveryBound(schema);
        // strict mode: every property required, the optional one nullable instead
        JsonNode item = schema.path("properties").path("items").path("items");
        assertThat(item.path("required").toString()).contains("\"note\"");
        assertThat(item.path("properties").path("note").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
    }

    @Test
    void onApiOpenAiComTheSchemaIsCutToStrictModesSubset() throws Exception {
        JsonNode strict = JSON.readTree(SchemaElements.strict(BOUNDED, true));
        JsonNode item = strict.path("properties").path("items").path("items");
        assertThat(item.path("properties").path("text").has("maxLength")).isFalse();
        assertThat(strict.path("properties").path("items").path("maxItems").asInt()).isEqualTo(3);
        assertThat(strict.path("properties").path("score").path("maximum").asInt()).isEqualTo(5);
        assertThat(LangChainChat.officialOpenAi(null)).isTrue();
        assertThat(LangChainChat.officialOpenAi("http://127.0.0.1:8080/v1")).isFalse();
    }

    @Test
    void anthropicGetsTheFullSchemaAsTheForcedToolsInput() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"tool_use","id":"toolu_01","name":"submit_answer","input":%s}],
                 "stop_reason":"tool_use","usage":{"input_tokens":9,"output_tokens":4}}""".formatted(ANSWER)).build());
        ModelSpec spec = TestSpecs.spec("haiku", "anthropic", "claude-3-5-haiku-20241022", server.url("/v1/").toString(), "K");
        new AnthropicProvider().chat(spec, new Credentials(Map.of("K", "sk-ant")::get)).chat(request());
        JsonNode body = body();
        System.out.println("Anthropic tools: " + body.path("tools"));
        // LangChain4j 1.19's Anthropic mapper writes the root of a tool's input_schema itself and leaves out its
        // additionalProperties (nested objects keep theirs); SchemaCheck refuses an extra top-level field instead
        hasEveryBound(body.path("tools").get(0).path("input_schema"), false);
        assertThat(body.path("tool_choice").path("type").asText()).isIn("any", "tool");
    }

    @Test
    void ollamaGetsTheFullSchemaAsFormat() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"model":"llama3.2:3b","created_at":"2026-11-29T10:00:00Z","message":{"role":"assistant","content":%s},
                 "done_reason":"stop","done":true,"prompt_eval_count":26,"eval_count":12}""".formatted(JSON.writeValueAsString(ANSWER))).build());
        ModelSpec spec = TestSpecs.spec("local", "ollama", "llama3.2:3b", server.url("/").toString().replaceAll("/$", ""), null);
        new OllamaProvider().chat(spec, new Credentials(Map.<String, String>of()::get)).chat(request());
        JsonNode body = body();
        System.out.println("Ollama format: " + body.path("format"));
        hasEveryBound(body.path("format"));
    }

    @Test
    void bedrockConverseGetsTheFullSchemaAsTheToolsInput() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"submit_answer","input":%s}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":30,"outputTokens":4,"totalTokens":34}}""".formatted(ANSWER)).build());
        ModelSpec spec = TestSpecs.spec("nova", "bedrock", "amazon.nova-micro-v1:0", server.url("/").toString().replaceAll("/$", ""), null,
                Duration.ofSeconds(10));
        new BedrockProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                .chat(spec, new Credentials(Map.<String, String>of()::get)).chat(request());
        JsonNode body = body();
        System.out.println("Bedrock toolSpec: " + body.path("toolConfig"));
        hasEveryBound(body.path("toolConfig").path("tools").get(0).path("toolSpec").path("inputSchema").path("json"), false); // as Anthropic's
    }
}
