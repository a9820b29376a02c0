package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.provider.Providers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindingCheckTest {
    @TempDir
    Path home;

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static AtelierConfig config(String yaml) throws Exception {
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), "test.yaml");
    }

    private BindingCheck check(Map<String, String> env) {
        return new BindingCheck(env::get, home, Duration.ofSeconds(2));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aBindingThatWorksHasNoProblemAndItsServerIsAskedOnceForItsModels() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
        AtelierConfig c = config("""
                models:
                  local: {provider: openai, model: qwen2.5-1.5b-instruct, baseUrl: "%s", apiKeyEnv: LOCAL_KEY}
                roles: {personalizer: local, frontend-developer: local}
                """.formatted(server.url("/v1/")));
        assertThat(check(Map.of("LOCAL_KEY", "k")).check(c)).isEmpty();
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/v1/models");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anyHttpAnswerMeansTheServerAnswers() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("no such route").build());
        AtelierConfig c = config("""
                models:
                  local: {provider: openai, model: some-model, baseUrl: "%s"}
                roles: {personalizer: local}
                """.formatted(server.url("/v1")));
        assertThat(check(Map.of()).check(c)).isEmpty();
    }

    @Test
    void aMissingKeyIsNamedWithTheVariableToSet() throws Exception {
        AtelierConfig c = config("""
                models:
                  mini: {provider: openai, model: gpt-4o-mini, apiKeyEnv: OPENAI_API_KEY}
                  haiku: {provider: anthropic, model: claude-3-5-haiku-20241022}
                roles: {personalizer: mini, frontend-developer: haiku}
                """);
        List<BindingCheck.Problem> problems = check(Map.of()).check(c);
        assertThat(problems).extracting(BindingCheck.Problem::kind).containsOnly(BindingCheck.Kind.CREDENTIALS);
        assertThat(problems).extracting(BindingCheck.Problem::message).containsExactlyInAnyOrder(
                "model mini (role personalizer) needs an API key: set the environment variable OPENAI_API_KEY (export OPENAI_API_KEY=…)",
                "model haiku (role frontend-developer) calls the hosted anthropic API, which needs a key: add apiKeyEnv: ANTHROPIC_API_KEY "
                        + "to the model and set that variable");
        assertThat(check(Map.of("OPENAI_API_KEY", "sk-x")).check(config("""
                models:
                  mini: {provider: openai, model: gpt-4o-mini, apiKeyEnv: OPENAI_API_KEY}
                roles: {personalizer: mini}
                """))).isEmpty();
    }

    @Test
    void bedrockNeedsASourceOfTheAwsChainPresentAndNothingElse() throws Exception {
        AtelierConfig c = config("""
                models:
                  micro: {provider: bedrock, model: amazon.nova-micro-v1:0, region: us-east-1}
                roles: {personalizer: micro}
                """);
        assertThat(check(Map.of()).check(c)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(BindingCheck.Kind.CREDENTIALS);
            assertThat(p.message()).contains("AWS_PROFILE").contains("AWS_ACCESS_KEY_ID");
        });
        assertThat(check(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b")).check(c)).isEmpty();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\n");
        assertThat(check(Map.of()).check(c)).isEmpty();
    }

    @Test
    void anArtistOnAChatModelAndAWriterOnAnImageModelAreRefused() throws Exception {
        AtelierConfig c = config("""
                models:
                  mini: {provider: openai, model: gpt-4o-mini, apiKeyEnv: K}
                  img: {provider: openai, model: gpt-image-1, catalog: gpt-image-1, apiKeyEnv: K}
                  llama: {provider: ollama, model: "llama3.2:3b", baseUrl: "%s"}
                roles: {artist: mini, personalizer: img, single-llm: llama}
                """.formatted(server.url("/")));
        server.enqueue(new MockResponse.Builder().code(200).body("{\"models\":[]}").build());
        List<BindingCheck.Problem> problems = check(Map.of("K", "k")).check(c, Set.of("artist", "personalizer", "single-llm"), Set.of("artist"));
        assertThat(problems).extracting(BindingCheck.Problem::kind).containsOnly(BindingCheck.Kind.MODEL_KIND);
        List<String> messages = problems.stream().map(BindingCheck.Problem::message).toList();
        assertThat(messages).anyMatch(m -> m.startsWith(
                "role artist draws images, but model mini (gpt-4o-mini) is a chat model: bind role artist to an image model"));
        assertThat(messages).anyMatch(m -> m.startsWith("role personalizer writes text, but model img (gpt-image-1) is an image model"));
        assertThat(problems).hasSize(2);
        // Ollama answers on its native listing endpoint
        assertThat(server.takeRequest(2, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/tags");
    }

    @Test
    void anArtistOnAChatOnlyProviderIsRefusedEvenWithoutACatalogEntry() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        AtelierConfig c = config("""
                models:
                  box: {provider: ollama, model: "some-unknown:7b", baseUrl: "%s"}
                roles: {artist: box}
                """.formatted(server.url("/")));
        assertThat(check(Map.of()).check(c)).singleElement().extracting(BindingCheck.Problem::kind).isEqualTo(BindingCheck.Kind.MODEL_KIND);
    }

    @Test
    void aServerThatIsNotRunningIsFoundBeforeAnyStep() throws Exception {
        int port = closedPort();
        AtelierConfig c = config("""
                models:
                  local: {provider: openai, model: qwen2.5-1.5b-instruct, baseUrl: "http://127.0.0.1:%d/v1"}
                roles: {personalizer: local, qa: local}
                """.formatted(port));
        long t0 = System.nanoTime();
        List<BindingCheck.Problem> problems = check(Map.of()).check(c);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(BindingCheck.Kind.UNREACHABLE);
            assertThat(p.roles()).containsExactly("personalizer", "qa");
            assertThat(p.message()).isEqualTo("model local (roles personalizer, qa) cannot be reached at http://127.0.0.1:" + port
                    + "/v1 (connection refused): start its server, or fix its baseUrl in the config");
        });
    }

    @Test
    void anUnknownHostIsSaidInTheUsersWords() throws Exception {
        AtelierConfig c = config("""
                models:
                  local: {provider: openai, model: m, baseUrl: "http://no-such-host.invalid:8080/v1"}
                roles: {personalizer: local}
                """);
        assertThat(check(Map.of()).check(c)).singleElement().satisfies(p -> assertThat(p.message()).contains("(unknown host)"));
    }

    @Test
    void onlyTheRolesARunUsesAreChecked() throws Exception {
        AtelierConfig c = config("""
                models:
                  mini: {provider: openai, model: gpt-4o-mini, apiKeyEnv: UNSET_KEY_FOR_TEST}
                roles: {single-llm: mini}
                """);
        assertThat(check(Map.of()).check(c, Set.of("personalizer", "artist", "frontend-developer", "qa"), Set.of("artist"))).isEmpty();
        assertThat(check(Map.of()).check(c, Set.of("single-llm", "qa"), Set.of())).hasSize(1);
    }

    @Test
    void theEscalationLadderIsCheckedToo() throws Exception {
        AtelierConfig c = config("""
                models:
                  mini: {provider: openai, model: gpt-4o-mini, apiKeyEnv: SET_KEY}
                  big: {provider: openai, model: gpt-4o, apiKeyEnv: UNSET_KEY_FOR_TEST}
                roles: {personalizer: mini}
                escalation: {personalizer: [big]}
                """);
        assertThat(check(Map.of("SET_KEY", "x")).check(c)).singleElement().satisfies(p -> assertThat(p.model()).isEqualTo("big"));
    }

    @Test
    void theExampleConfigsBindEveryRoleToAModelOfTheRightKind() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\n");
        ConfigLoader loader = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords());
        try (var files = Files.list(Path.of("examples/config"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<BindingCheck.Problem> problems = new BindingCheck(name -> "set", home, Duration.ofMillis(300)).check(loader.load(f));
                // their servers are not running here; what must hold is that keys are named and kinds fit
                assertThat(problems).as(f.toString()).allMatch(p -> p.kind() == BindingCheck.Kind.UNREACHABLE);
            }
        }
    }
}
