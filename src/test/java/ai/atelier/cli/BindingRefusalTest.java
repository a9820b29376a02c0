package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A binding that cannot work is refused before the first step, with exit 2, its fix, and nothing written. */
class BindingRefusalTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = AtelierCommand.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path config(String yaml) throws Exception {
        Path c = tmp.resolve("atelier.yaml");
        Files.writeString(c, yaml);
        return c;
    }

    @Test
    void anUnreachableServerAndAMissingKeyAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path c = config("""
                models:
                  local: {provider: openai, model: qwen2.5-1.5b-instruct, baseUrl: "http://127.0.0.1:%d/v1"}
                  hosted: {provider: openai, model: gpt-4o-mini, apiKeyEnv: ATELIER_TEST_SURELY_UNSET_KEY}
                roles: {personalizer: local, frontend-developer: hosted}
                """.formatted(closedPort()));
        Path out = tmp.resolve("site");
        long t0 = System.nanoTime();
        Run r = run("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--config", c.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to refuse").isLessThan(8000);
        assertThat(out).doesNotExist();
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList()).hasSize(2);
        assertThat(r.err()).contains("error: model local (role personalizer) cannot be reached at http://127.0.0.1:")
                .contains("(connection refused): start its server, or fix its baseUrl in the config")
                .contains("error: model hosted (role frontend-developer) needs an API key: set the environment variable ATELIER_TEST_SURELY_UNSET_KEY");
        assertThat(r.out()).doesNotContain("Site");
    }

    @Test
    void anArtistBoundToAChatModelIsRefusedInsteadOfCallingTheImagesApi() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
            Path c = config("""
                    models:
                      small: {provider: openai, model: gpt-4o-mini, baseUrl: "%s"}
                    roles: {personalizer: small, artist: small}
                    """.formatted(server.url("/v1")));
            Path out = tmp.resolve("site");
            Run r = run("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--config", c.toString(), "--out", out.toString());
            assertThat(r.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
            assertThat(out).doesNotExist();
            assertThat(r.err()).contains("error: role artist draws images, but model small (gpt-4o-mini) is a chat model");
            assertThat(server.getRequestCount()).as("only the listing probe, no generation call").isEqualTo(1);
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
        }
    }

    @Test
    void modelsShowsTheSameProblemsAsWarnings() throws Exception {
        Path c = config("""
                models:
                  local: {provider: openai, model: gpt-4o-mini, baseUrl: "http://127.0.0.1:%d/v1"}
                roles: {personalizer: local, artist: local}
                """.formatted(closedPort()));
        Run r = run("models", "--config", c.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("warning: model local (roles artist, personalizer) cannot be reached at http://127.0.0.1:")
                .contains("warning: role artist draws images, but model local (gpt-4o-mini)");
    }
}
