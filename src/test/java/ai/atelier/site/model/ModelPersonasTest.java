package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.GenerateWithModelsEndToEndTest;
import ai.atelier.knowledge.Bm25Index;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.Prompts;
import ai.atelier.site.SiteFile;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model-backed personas against a local OpenAI-compatible server that answers from a script. */
class ModelPersonasTest {
    static final ObjectMapper JSON = new ObjectMapper();
    MockWebServer server;
    final Deque<String> answers = new ArrayDeque<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    Company company;
    Profile profile;
    ConfiguredEngines engines;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                try {
                    requests.add(JSON.readTree(r.getBody().utf8()));
                    if (r.getUrl().encodedPath().endsWith("/images/generations")) {
                        return ok("{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(GenerateWithModelsEndToEndTest.PNG) + "\"}]}");
                    }
                    ObjectNode resp = JSON.createObjectNode();
                    resp.put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "gpt-4o-mini");
                    ObjectNode choice = resp.putArray("choices").addObject();
                    choice.put("index", 0).put("finish_reason", "stop");
                    choice.putObject("message").put("role", "assistant").put("content", answers.poll());
                    resp.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 100).put("total_tokens", 1100);
                    return ok(resp.toString());
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).body(e.toString()).build();
                }
            }
        });
        server.start();
        company = new CompanyLoader().load(Path.of("examples/company"));
        profile = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
        String base = server.url("/v1").toString();
        AtelierConfig c = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).parse(new ObjectMapper(new YAMLFactory()).readTree("""
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: "%s"}
                  painter: {provider: openai, model: dall-e-3, baseUrl: "%s"}
                roles: {personalizer: small, frontend-developer: small, artist: painter}
                """.formatted(base, base)), "test");
        engines = new ConfiguredEngines(c, ai.atelier.model.wiring.StandardProviders.standard(), new Credentials(Map.<String, String>of()::get),
                n -> new Backoff(n, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0, d -> {}));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static PersonaContext ctx(String role) {
        return new PersonaContext(role, "small", new CallMeter(System.nanoTime()), null, new Prompts(), new TokenCounter(), List.of());
    }

    private String user(int i) {
        return requests.get(i).path("messages").get(1).path("content").asText();
    }

    @Test
    void personalizerSendsVisitorAsDataTheSchemaAndQaFeedback() throws Exception {
        answers.add(GenerateWithModelsEndToEndTest.spec());
        PersonaContext ctx = ctx("personalizer").withFeedback(List.of("The headline does not name the visitor's organisation"));
        WebsiteSpec spec = engines.personalizer("personalizer").personalize(profile, company, Bm25Index.of(company), ctx);
        assertThat(spec.headline()).isEqualTo("Fewer surprises on the foundry floor, Priya");
        assertThat(user(0)).contains("<visitor>").contains("\"Priya Raman\"").contains("<qa-feedback>")
                .contains("- The headline does not name the visitor's organisation");
        assertThat(requests.get(0).path("response_format").path("json_schema").path("schema").path("properties").has("visualElements")).isTrue();
        assertThat(ctx.meter().calls()).singleElement().satisfies(c -> assertThat(c.costUsd()).isEqualTo(0.00021));
    }

    @Test
    void invalidSpecGetsOneRepairRoundShowingTheErrors() throws Exception {
        answers.add(GenerateWithModelsEndToEndTest.spec().replace("https://www.lanternfold.example", "https://evil.example/phish")
                .replace("Fewer surprises", "Guaranteed results and fewer surprises"));
        answers.add(GenerateWithModelsEndToEndTest.spec());
        PersonaContext ctx = ctx("personalizer");
        WebsiteSpec spec = engines.personalizer("personalizer").personalize(profile, company, Bm25Index.of(company), ctx);
        assertThat(spec.callToAction().href()).isEqualTo("https://www.lanternfold.example");
        // the schema's problems come first (the link is not one of the allowed ones); the banned phrase is the validator's, next round
        assertThat(user(1)).contains("<previous-answer>").contains("callToAction.href: \"https://evil.example/phish\" is not allowed; use one of");
        assertThat(user(0)).doesNotContain("<qa-feedback>");
        assertThat(ctx.meter().calls()).extracting(ModelCall::attempt).containsExactly(1, 2);
    }

    @Test
    void artistSavesPngBytesPricedPerImage() {
        PersonaContext ctx = ctx("artist");
        var artist = engines.artist("artist");
        assertThat(artist.fileExtension()).isEqualTo("png");
        Image img = artist.draw(new VisualElement("hero", "A foundry", "a calm foundry floor", VisualElement.Kind.HERO), company, ctx);
        assertThat(img.path()).isEqualTo("assets/hero.png");
        assertThat(img.data()).isEqualTo(GenerateWithModelsEndToEndTest.PNG);
        assertThat(requests.get(0).path("prompt").asText()).contains("#0B5D6B").contains("a calm foundry floor");
        assertThat(ctx.meter().calls()).singleElement().satisfies(c -> assertThat(c.costUsd()).isEqualTo(0.04));
    }

    @Test
    void templateDeveloperKeepsIdsLinksAndImagesAndRendersThroughTheDesignSystem() throws Exception {
        WebsiteSpec original = JSON.readValue(GenerateWithModelsEndToEndTest.spec(), WebsiteSpec.class);
        answers.add(GenerateWithModelsEndToEndTest.spec().replace("Fewer surprises on the foundry floor, Priya", "Priya, fewer stoppages at Raman Precision"));
        List<SiteFile> files = engines.developer("frontend-developer").build(original, ImageSlot.plan(original, "png"), company, ctx("frontend-developer"));
        String html = files.stream().filter(f -> f.path().equals("index.html")).findFirst().orElseThrow().asText();
        assertThat(html).contains("Priya, fewer stoppages at Raman Precision").contains("assets/hero.png").contains("Content-Security-Policy");
        assertThat(user(0)).contains("template mode").contains("\"visualElements\"");
    }
}
