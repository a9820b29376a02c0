package ai.atelier.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Assumptions;

/**
 * The real llama.cpp server ({@code ../shared/tools/llama-server}, found by walking up from the
 * project folder) on a free loopback port with the tiny random-weights model, started and stopped
 * by a test. Atelier talks to it through a pass-through recorder on another loopback port, which
 * forwards every request unchanged and keeps the server's own usage fields of each answer, so a
 * test can compare report.json with what the server said. Tests skip loudly when the binary is absent.
 */
final class LlamaServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final int port;
    private final MockWebServer recorder = new MockWebServer();
    private final HttpClient http = HttpClient.newHttpClient();
    /** The usage of every chat answer the server gave: prompt_tokens and completion_tokens. */
    final List<long[]> usages = Collections.synchronizedList(new ArrayList<>());
    final Path log;

    private LlamaServer(Process process, int port, Path log) throws IOException {
        this.process = process;
        this.port = port;
        this.log = log;
        recorder.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return forward(r);
            }
        });
        recorder.start();
    }

    /** The llama-server binary, or a skipped test naming where it was looked for. */
    static Path binary() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        List<String> looked = new ArrayList<>();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("tools/llama-server/llama-server");
            if (dir.getParent() == null) break;
            looked.add(candidate.toString());
            if (Files.isExecutable(candidate)) return candidate;
        }
        String why = "SKIPPED interop test: no llama-server binary at ../shared/tools/llama-server/llama-server above " + base + " (looked at "
                + String.join(", ", looked) + ")";
        System.err.println("*** " + why);
        Assumptions.assumeTrue(false, why);
        return null;
    }

    static LlamaServer start(Path model, Path logDir, String... extra) throws Exception {
        Path bin = binary();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "-m", model.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        cmd.addAll(List.of(extra));
        Path log = logDir.resolve("llama-server-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LlamaServer server = new LlamaServer(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("llama-server exited: " + Files.readString(log));
            try {
                if (server.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return server;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("llama-server did not answer /health within 90 s");
    }

    /** The base URL a config's {@code baseUrl:} names: the recorder in front of the server. */
    String baseUrl() {
        return recorder.url("/v1").toString();
    }

    private MockResponse forward(RecordedRequest r) {
        try {
            String path = r.getUrl().encodedPath();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(10));
            byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
            b = r.getMethod().equals("GET") ? b.GET() : b.method(r.getMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json");
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (path.endsWith("/chat/completions") && resp.statusCode() == 200) {
                JsonNode u = JSON.readTree(resp.body()).path("usage");
                usages.add(new long[]{u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong()});
            }
            return new MockResponse.Builder().code(resp.statusCode()).addHeader("Content-Type", "application/json").body(resp.body()).build();
        } catch (Exception e) {
            return new MockResponse.Builder().code(502).body("{\"error\":{\"message\":\"recorder: " + e.getMessage() + "\"}}").build();
        }
    }

    @Override
    public void close() {
        recorder.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
