package ai.atelier.server;

import ai.atelier.Atelier;
import ai.atelier.model.ModelCatalog;
import ai.atelier.quality.QaAgent;
import ai.atelier.runs.ExampleProfiles;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.runs.RunStore;
import ai.atelier.site.Engines;
import ai.atelier.site.builtin.BuiltinEngines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;

/**
 * A real Atelier server on a free loopback port over a temporary data folder, plus an HTTP client
 * and small helpers the API tests share (JSON, polling a run, reading an SSE stream).
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EXAMPLES = Path.of("examples/profiles");

    final Path data;
    final Atelier atelier;
    final RunStore store;
    final RunService runs;
    final AtelierServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    TestServer(Path data) {
        this(data, new BuiltinEngines(), RunDatabase.h2In(data), ServerSettings.defaults().withPort(0).withRateLimit(0, 1), new RunService.Limits(2, 20));
    }

    TestServer(Path data, Engines engines, RunDatabase db, ServerSettings settings, RunService.Limits limits) {
        this.data = data;
        this.atelier = Atelier.builder().engines(engines).qa(QaAgent.standard()).company(Path.of("examples/company"))
                .pricer(ai.atelier.economics.CostEstimator.reference()).build();
        this.store = new RunStore(db);
        this.runs = new RunService(atelier, store, data, limits, ModelCatalog.bundled());
        this.server = new AtelierServer(runs, new ExampleProfiles(EXAMPLES), settings, "test").start();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Sent with every get() when set ("Bearer …"), for servers that require a token. */
    volatile String authorization;

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name + ".json"));
    }

    static String siteRequest(String profileJson, String workflow) {
        return "{\"profile\": " + profileJson + (workflow == null ? "" : ", \"workflow\": \"" + workflow + "\"") + "}";
    }

    /** Starts a run for an example visitor and returns its id. */
    String start(String exampleName, String workflow) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/sites", siteRequest(example(exampleName), workflow));
        if (r.statusCode() != 202) throw new AssertionError("POST /api/sites answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Polls the run until it has finished, and returns its final JSON. */
    JsonNode awaitFinished(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // generous: a loaded CI machine
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(get("/api/sites/" + id).body());
            String s = run.path("status").asText();
            if (s.equals("done") || s.equals("failed") || s.equals("interrupted")) return run;
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish in 300 s");
    }

    /** One Server-Sent Event as it came over the wire. */
    record SseEvent(String id, String event, JsonNode data) {}

    /** Reads the run's event stream until the server closes it. */
    List<SseEvent> events(String id, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/sites/" + id + "/events"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) throw new AssertionError("events answered " + r.statusCode());
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("events content type " + r.headers().firstValue("Content-Type"));
        }
        return parse(r.body());
    }

    static List<SseEvent> parse(InputStream in) throws IOException {
        List<SseEvent> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null, event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) out.add(new SseEvent(id, event, JSON.readTree(data.toString())));
                    id = null;
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
            if (data.length() > 0) out.add(new SseEvent(id, event, JSON.readTree(data.toString())));
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
        runs.close();
        store.close();
        atelier.close();
    }
}
