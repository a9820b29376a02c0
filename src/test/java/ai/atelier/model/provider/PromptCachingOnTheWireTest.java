package ai.atelier.model.provider;

import static ai.atelier.model.provider.OpenAiProviderTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.atelier.knowledge.Bm25Index;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.CostCalculator;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TestSpecs;
import ai.atelier.model.TokenUsage;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinPersonalizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
 * Prompt caching on each provider's wire: the personalizer's real prompts for two visitors of one
 * company share a byte-identical system prompt (instructions and the company's knowledge) that
 * carries the provider's cache mark, the visitor comes last in the user message, and the cache
 * reads and writes each provider reports are read from its usage and priced at the catalog's rates.
 */
class PromptCachingOnTheWireTest {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();
    private MockWebServer server;
    private Company company;
    private final Credentials creds = new Credentials(Map.of("K", "sk-test")::get);

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        company = new CompanyLoader().load(Path.of("examples/company"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatRequest personalizerRequest(String profileFile) {
        Profile p = new ProfileReader().read(Path.of("examples/profiles/" + profileFile));
        Prompts prompts = new Prompts();
        var hits = BuiltinPersonalizer.research(p, company, Bm25Index.of(company));
        return new ChatRequest("personalizer", "personalize",
                prompts.render("personalizer.system", KnowledgeDigest.company(company)),
                prompts.render("personalizer.user", KnowledgeDigest.variables(p, company, hits)), TestSpecs.SCHEMA, 512, null);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private JsonNode body() throws Exception {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        return JSON.readTree(r.getBody().utf8());
    }

    private static CatalogEntry entry(String name) {
        return CATALOG.find(name).orElseThrow();
    }

    @Test
    void theSystemPromptHoldsTheCompanyAndNoVisitorAndTheVisitorComesLast() {
        ChatRequest priya = personalizerRequest("manufacturing-priya-raman.json");
        ChatRequest tomas = personalizerRequest("manufacturing-tomas-lindqvist.json");
        assertThat(priya.system()).isEqualTo(tomas.system())
                .contains("## Offerings").contains("## Design guidelines").contains("Required disclaimer:")
                .doesNotContain("Priya").doesNotContain("Coimbatore").doesNotContain("zero-defect castings").doesNotContain("<visitor>\n");
        assertThat(priya.user()).startsWith("<knowledge>\n## Research passages").contains("Priya Raman").contains("Coimbatore");
        assertThat(priya.user().indexOf("<visitor>")).isGreaterThan(priya.user().indexOf("</knowledge>"));
        assertThat(priya.user()).doesNotContain("## Offerings");
    }

    @Test
    void anthropicMarksTheSystemPromptEphemeralAndPricesCacheWritesAndReads() throws Exception {
        String answer = """
                {"id":"msg_%d","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"tool_use","id":"toolu_1","name":"submit_answer","input":{"greeting":"hello","count":2}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":350,"output_tokens":40,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d}}""";
        server.enqueue(json(answer.formatted(1, 1800, 0)));
        server.enqueue(json(answer.formatted(2, 0, 1800)));
        ModelSpec spec = TestSpecs.spec("haiku", "anthropic", "claude-3-5-haiku-20241022", server.url("/v1/").toString(), "K");
        var client = new AnthropicProvider().chat(spec, creds);

        ChatResponse first = client.chat(personalizerRequest("manufacturing-priya-raman.json"));
        ChatResponse second = client.chat(personalizerRequest("manufacturing-tomas-lindqvist.json"));
        JsonNode a = body(), b = body();

        JsonNode system = a.path("system");
        assertThat(system.isArray()).isTrue();
        JsonNode last = system.get(system.size() - 1);
        assertThat(last.path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(last.path("text").asText()).contains("## Offerings").doesNotContain("Priya");
        assertThat(b.path("system")).isEqualTo(system); // the cached prefix is byte-identical for the next visitor
        assertThat(a.path("messages").get(0).path("content").toString()).contains("Priya Raman");
        assertThat(b.path("messages").get(0).path("content").toString()).contains("Lindqvist").doesNotContain("Priya");

        // input_tokens leave the cache out; Atelier's input counts every prompt token
        assertThat(first.usage()).isEqualTo(new TokenUsage(2150, 40, 0, 1800, false));
        assertThat(second.usage()).isEqualTo(new TokenUsage(2150, 40, 1800, 0, false));
        CatalogEntry haiku = entry("claude-haiku-3-5");
        assertThat(haiku.cacheWriteInputPerMTok()).isGreaterThan(haiku.inputPerMTok());
        // 350 fresh at $0.80/M + 1800 written at $1.00/M + 40 out at $4/M
        assertThat(CostCalculator.tokens(haiku, first.usage())).isCloseTo(0.00224, within(1e-7));
        // 350 fresh at $0.80/M + 1800 read at $0.08/M + 40 out at $4/M
        assertThat(CostCalculator.tokens(haiku, second.usage())).isCloseTo(0.000584, within(1e-7));
    }

    private final BedrockProvider bedrock = new BedrockProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret")));

    private ModelSpec bedrockSpec(String modelId) {
        return TestSpecs.spec("b", "bedrock", modelId, server.url("/").toString().replaceAll("/$", ""), null, Duration.ofSeconds(20));
    }

    private static final String CONVERSE = """
            {"output":{"message":{"role":"assistant","content":[
               {"toolUse":{"toolUseId":"tooluse_1","name":"submit_answer","input":{"greeting":"hello","count":2}}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":350,"outputTokens":40,"totalTokens":%d,
               "cacheReadInputTokens":%d,"cacheWriteInputTokens":%d},"metrics":{"latencyMs":412}}""";

    @Test
    void bedrockClosesTheSystemPromptWithACachePointAndPricesCacheWritesAndReads() throws Exception {
        server.enqueue(json(CONVERSE.formatted(2190, 0, 1800)));
        server.enqueue(json(CONVERSE.formatted(2190, 1800, 0)));
        var client = bedrock.chat(bedrockSpec("amazon.nova-micro-v1:0"), creds);
        ChatResponse first = client.chat(personalizerRequest("manufacturing-priya-raman.json"));
        ChatResponse second = client.chat(personalizerRequest("manufacturing-tomas-lindqvist.json"));
        JsonNode a = body(), b = body();

        JsonNode system = a.path("system");
        assertThat(system.get(0).path("text").asText()).contains("## Offerings").doesNotContain("Priya");
        assertThat(system.get(system.size() - 1).path("cachePoint").path("type").asText()).isEqualTo("default");
        assertThat(b.path("system")).isEqualTo(system);
        assertThat(a.path("messages").get(0).toString()).contains("Priya Raman").doesNotContain("cachePoint");

        assertThat(first.usage()).isEqualTo(new TokenUsage(2150, 40, 0, 1800, false));
        assertThat(second.usage()).isEqualTo(new TokenUsage(2150, 40, 1800, 0, false));
        CatalogEntry nova = entry("nova-micro");
        // 350 fresh + 1800 written at $0.035/M (Nova writes at the input price) + 40 out at $0.14/M
        assertThat(CostCalculator.tokens(nova, first.usage())).isCloseTo(2150 * 0.035e-6 + 40 * 0.14e-6, within(1e-7));
        // 350 fresh at $0.035/M + 1800 read at $0.00875/M + 40 out
        assertThat(CostCalculator.tokens(nova, second.usage())).isCloseTo(350 * 0.035e-6 + 1800 * 0.00875e-6 + 40 * 0.14e-6, within(1e-7));
        CatalogEntry claude = entry("claude-haiku-bedrock");
        assertThat(CostCalculator.tokens(claude, first.usage())).isCloseTo(0.00224, within(1e-7));
    }

    @Test
    void bedrockModelsWithoutPromptCachingGetNoCachePoint() throws Exception {
        server.enqueue(json(CONVERSE.formatted(390, 0, 0)));
        bedrock.chat(bedrockSpec("meta.llama3-1-8b-instruct-v1:0"), creds).chat(personalizerRequest("manufacturing-priya-raman.json"));
        assertThat(body().toString()).doesNotContain("cachePoint");
        assertThat(BedrockProvider.cachesPrompts("us.anthropic.claude-3-5-haiku-20241022-v1:0")).isTrue();
        assertThat(BedrockProvider.cachesPrompts("eu.amazon.nova-lite-v1:0")).isTrue();
        assertThat(BedrockProvider.cachesPrompts("us.meta.llama3-3-70b-instruct-v1:0")).isFalse();
    }

    @Test
    void openAiCachesTheSharedPrefixByItselfAndReportsCachedTokensInsideThePromptTokens() throws Exception {
        String completion = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"greeting\\":\\"hi\\",\\"count\\":1}"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":2150,"completion_tokens":40,"total_tokens":2190,"prompt_tokens_details":{"cached_tokens":%d}}}""";
        server.enqueue(json(completion.formatted(0)));
        server.enqueue(json(completion.formatted(1792)));
        ModelSpec spec = TestSpecs.spec("mini", "openai", "gpt-4o-mini", server.url("/v1").toString(), "K");
        var client = new OpenAiProvider().chat(spec, creds);
        client.chat(personalizerRequest("manufacturing-priya-raman.json"));
        ChatResponse second = client.chat(personalizerRequest("manufacturing-tomas-lindqvist.json"));
        JsonNode a = body(), b = body();
        // the system message comes first and is the same for both visitors: the prefix OpenAI caches automatically
        assertThat(a.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(b.path("messages").get(0)).isEqualTo(a.path("messages").get(0));
        assertThat(second.usage()).isEqualTo(new TokenUsage(2150, 40, 1792, 0, false));
        assertThat(CostCalculator.tokens(entry("gpt-4o-mini"), second.usage()))
                .isCloseTo(358 * 0.15e-6 + 1792 * 0.075e-6 + 40 * 0.60e-6, within(1e-7));
    }
}
