package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 202 is a promise. {@code atelier serve} runs as a real child process (this test's class path),
 * accepts runs, and is killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) right after
 * the last 202; the next process on the same data folder must list every accepted run, finished or
 * marked interrupted, never missing. Rounds chain (each start checks the previous round's runs),
 * so 20 rounds cost 21 process starts on the built-in engine. The last start uses
 * {@code --resume-interrupted}, and one run is resumed through {@code POST /api/sites/{id}/resume}.
 * Set {@code -Datelier.durability.rounds=N} to change the number of rounds (pom.xml sets the
 * default run's). The summary line says how often the store had to restore a run the H2 database
 * lost from its intake file.
 */
@Tag("durability")
class KillNineDurabilityTest {
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)/");
    private static final int RUNS_PER_ROUND = 3;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void everyAcceptedRunSurvivesKillNineAndIsResumedReusingFinishedSteps() throws Exception {
        int rounds = Integer.getInteger("atelier.durability.rounds", 20);
        String profile = Files.readString(TestServer.EXAMPLES.resolve("manufacturing-tomas-lindqvist.json"));
        Map<String, Integer> accepted = new LinkedHashMap<>();
        int interruptedSeen = 0;
        int restoredStarts = 0; // starts at which the store put back runs the H2 database had lost, from its intake file
        for (int round = 0; round <= rounds; round++) {
            boolean last = round == rounds;
            Child server = Child.start(data, last);
            try {
                if (server.log().contains("were restored from")) restoredStarts++;
                // every run accepted by an earlier (killed) process is still there
                for (String id : accepted.keySet()) {
                    HttpResponse<String> r = get(server.port, "/api/sites/" + id);
                    assertThat(r.statusCode()).as("run %s accepted in round %d, after the kill", id, accepted.get(id)).isEqualTo(200);
                    String status = TestServer.JSON.readTree(r.body()).path("status").asText();
                    if (!last) assertThat(status).as("run " + id).isIn("done", "failed", "interrupted");
                    if (status.equals("interrupted")) interruptedSeen++;
                }
                JsonNode list = TestServer.JSON.readTree(get(server.port, "/api/runs?size=100").body());
                assertThat(list.path("total").asLong()).isEqualTo(accepted.size());
                if (last) {
                    try {
                        resumeAndCheck(server.port, accepted);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\n--- the server's output:\n" + server.log(), e);
                    }
                    break;
                }
                List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
                for (int i = 0; i < RUNS_PER_ROUND; i++) {
                    posts.add(http.sendAsync(post(server.port, "/api/sites", TestServer.siteRequest(profile, "personas")),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> f : posts) {
                    HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                    accepted.put(TestServer.JSON.readTree(r.body()).path("id").asText(), round);
                }
            } finally {
                server.kill(); // SIGKILL right after the last 202: no shutdown hook runs
            }
        }
        System.out.println("[durability] " + rounds + " rounds, " + accepted.size() + " accepted runs, "
                + interruptedSeen + " times a run was found interrupted after a kill, " + restoredStarts
                + " starts restored runs the database had lost from the intake file");
    }

    /** At the last start with --resume-interrupted, every interrupted run is resumed; all end done. */
    private void resumeAndCheck(int port, Map<String, Integer> accepted) throws Exception {
        for (String id : accepted.keySet()) {
            JsonNode run = awaitFinished(port, id);
            assertThat(run.path("status").asText()).as("run %s after --resume-interrupted: %s (%s)", id, run.path("error").asText(),
                    run.path("report").path("steps")).isEqualTo("done");
            assertThat(run.path("report").path("steps")).hasSize(4);
        }
        // a finished run is not resumed again
        String any = accepted.keySet().iterator().next();
        HttpResponse<String> again = http.send(post(port, "/api/sites/" + any + "/resume", "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    }

    private JsonNode awaitFinished(int port, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // generous: a loaded CI machine
        JsonNode run = null;
        while (System.nanoTime() < deadline) {
            run = TestServer.JSON.readTree(get(port, "/api/sites/" + id).body());
            String s = run.path("status").asText();
            if (s.equals("done") || s.equals("failed")) return run;
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish in 300 s: " + run);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(int port, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code atelier serve} in its own JVM on a free port. */
    private record Child(Process process, int port, StringBuilder output) {
        String log() {
            synchronized (output) {
                return output.toString();
            }
        }

        static Child start(Path data, boolean resumeInterrupted) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "ai.atelier.cli.AtelierCommand", "serve", "--port", "0", "--data", data.toString(), "--company", "examples/company",
                    "--rate-limit", "0", "--queue", "1000"));
            if (resumeInterrupted) cmd.addAll(List.of("--resume-interrupted", "--max-concurrent", "4"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().remove("ATELIER_API_TOKEN");
            pb.environment().put("ATELIER_BROWSER", "off"); // the page checks without Chromium: this test is about the run store
            Process p = pb.start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            StringBuilder log = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                        Matcher m = SERVING.matcher(line);
                        if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
                port.completeExceptionally(new AssertionError("the server exited before serving:\n" + log));
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new Child(p, port.get(120, TimeUnit.SECONDS), log);
            } catch (Exception e) {
                p.destroyForcibly().waitFor();
                synchronized (log) {
                    throw new AssertionError("atelier serve did not start: " + e.getMessage() + "\n" + log, e);
                }
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
