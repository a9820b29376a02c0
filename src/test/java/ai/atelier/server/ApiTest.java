package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over real HTTP: status codes, bodies, headers, the SSE stream, validation and size limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    TestServer s;
    String done;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        s = new TestServer(data);
        done = s.start("manufacturing-priya-raman", "personas");
        s.awaitFinished(done);
    }

    @AfterAll
    void stop() {
        s.close();
    }

    @Test
    void healthReportsDatabaseAndQueue() throws Exception {
        HttpResponse<String> r = s.get("/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode h = TestServer.JSON.readTree(r.body());
        assertThat(h.path("status").asText()).isEqualTo("ok");
        assertThat(h.path("database").asText()).isEqualTo("h2");
        assertThat(h.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(h.path("load").path("maxConcurrent").asInt()).isEqualTo(2);
    }

    @Test
    void postAnswers202WithLocationAndTheRunCompletesWithReportAndCosts() throws Exception {
        HttpResponse<String> r = s.post("/api/sites", TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas"));
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = TestServer.JSON.readTree(r.body());
        String id = body.get("id").asText();
        assertThat(id).matches("[a-z0-9-]+").startsWith("sophie-laurent-personas-");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/sites/" + id);
        assertThat(body.path("links").path("events").asText()).isEqualTo("/api/sites/" + id + "/events");

        JsonNode run = s.awaitFinished(id);
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("visitor").asText()).isEqualTo("Sophie Laurent");
        assertThat(run.path("report").path("steps")).hasSize(4);
        assertThat(run.path("report").path("totals").path("inputTokens").asLong()).isPositive().isEqualTo(run.path("inputTokens").asLong());
        // GET /api/sites/{id} fills totals: the report's, with where the tokens come from
        assertThat(run.path("totals").path("final").asBoolean()).isTrue();
        assertThat(run.path("totals").path("inputTokens").asLong()).isEqualTo(run.path("inputTokens").asLong());
        assertThat(run.path("totals").path("costUsd").isNumber()).isTrue();
        assertThat(run.path("totals").path("modelSteps").asInt()).isEqualTo(3);
        assertThat(run.path("totals").path("tokenSource").asText()).startsWith("estimated");
        assertThat(run.path("report").path("steps").get(0).path("calls").get(0).path("tokenSource").asText()).isEqualTo("estimated");
        assertThat(run.path("qualityScore").asInt()).isEqualTo(run.path("report").path("quality").path("score").asInt());
        List<String> roles = run.path("costs").path("perRole").findValuesAsText("role");
        assertThat(roles).containsExactly("personalizer", "artist", "frontend-developer", "qa");
        JsonNode baseline = run.path("costs").path("singleLlm");
        assertThat(baseline.path("basis").asText()).isEqualTo("estimated");
        // a built-in run is priced as the CLI prices it: single-llm on the reference config's model, an estimate
        assertThat(baseline.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(baseline.path("costUsd").asDouble()).isPositive();
        assertThat(baseline.path("outputTokens").asLong()).isPositive();
        // and money is written in plain decimals, never E-notation
        String raw = s.get("/api/sites/" + id).body();
        assertThat(raw).contains("\"costUsd\":").doesNotContainPattern("\\d[eE]-\\d");
    }

    @Test
    void singleLlmRunReportsItsMeasuredCostAsTheBaseline() throws Exception {
        String id = s.start("logistics-hannah-becker", "single-llm");
        JsonNode run = s.awaitFinished(id);
        assertThat(run.path("workflow").asText()).isEqualTo("single-llm");
        assertThat(run.path("costs").path("singleLlm").path("basis").asText()).isEqualTo("measured");
        assertThat(run.path("costs").path("singleLlm").path("inputTokens").asLong()).isEqualTo(run.path("inputTokens").asLong());
    }

    @Test
    void lateClientGetsEveryEventInOrderEndingWithDone() throws Exception {
        List<TestServer.SseEvent> events = s.events(done, null);
        List<String> types = events.stream().map(TestServer.SseEvent::event).toList();
        assertThat(types.get(0)).isEqualTo("queued");
        assertThat(types.get(1)).isEqualTo("started");
        assertThat(types.get(types.size() - 1)).isEqualTo("done");
        assertThat(types.stream().filter("step-started"::equals).count()).isEqualTo(4);
        assertThat(types.stream().filter("step-finished"::equals).count()).isEqualTo(4);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(String.valueOf(i + 1));
            assertThat(events.get(i).data().path("seq").asInt()).isEqualTo(i + 1);
        }
        JsonNode personalizer = events.stream().filter(e -> e.event().equals("step-finished"))
                .filter(e -> e.data().path("step").asText().equals("personalizer")).findFirst().orElseThrow().data();
        assertThat(personalizer.path("persona").asText()).isEqualTo("personalizer");
        assertThat(personalizer.path("model").asText()).isEqualTo("builtin");
        assertThat(personalizer.path("inputTokens").asLong()).isPositive();
        assertThat(personalizer.path("costUsd").isNumber()).isTrue();
        assertThat(personalizer.has("durationMs")).isTrue();
        // artist and developer both start after the personalizer finished: parallel steps
        Set<String> startedAfterPersonalizer = events.stream().filter(e -> e.event().equals("step-started"))
                .filter(e -> e.data().path("startMs").asLong() >= personalizer.path("startMs").asLong() + personalizer.path("durationMs").asLong())
                .map(e -> e.data().path("step").asText()).collect(Collectors.toSet());
        assertThat(startedAfterPersonalizer).contains("artist", "developer");
    }

    @Test
    void clientConnectingRightAfterPostSeesTheRunLiveToItsEnd() throws Exception {
        String id = s.start("healthcare-liam-nguyen", "personas");
        List<TestServer.SseEvent> events = s.events(id, null);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).event()).isEqualTo("queued");
        assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
        assertThat(events).extracting(TestServer.SseEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void lastEventIdResumesAfterThatEvent() throws Exception {
        List<TestServer.SseEvent> events = s.events(done, "3");
        assertThat(events.get(0).id()).isEqualTo("4");
        assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
    }

    @Test
    void siteIsServedWithStrictCspNosniffAndContentTypes() throws Exception {
        HttpResponse<String> index = s.get("/sites/" + done + "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'", "connect-src 'none'", "form-action 'none'", "object-src 'none'");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.body()).contains("Priya");

        HttpResponse<String> css = s.get("/sites/" + done + "/styles.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        JsonNode files = TestServer.JSON.readTree(s.get("/api/sites/" + done).body()).path("report").path("files");
        String svg = null;
        for (JsonNode f : files) if (f.asText().endsWith(".svg")) svg = f.asText();
        assertThat(svg).isNotNull();
        HttpResponse<String> image = s.get("/sites/" + done + "/" + svg);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue(csp);

        HttpResponse<String> bare = s.get("/sites/" + done);
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/sites/" + done + "/");
    }

    @Test
    void uiIsServedFromAtelierWithItsOwnCsp() throws Exception {
        HttpResponse<String> page = s.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/ui/app.js", "/ui/app.css").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(s.get("/ui/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(s.get("/ui/app.css").statusCode()).isEqualTo(200);
        assertThat(s.get("/ui/../pom.xml").statusCode()).isIn(400, 404);
        assertThat(s.get("/ui/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDescribesEveryEndpoint() throws Exception {
        HttpResponse<String> r = s.get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode api = TestServer.JSON.readTree(r.body());
        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.path("paths").fieldNames()).toIterable().contains("/api/sites", "/api/sites/{id}", "/api/sites/{id}/events",
                "/api/runs", "/api/health", "/api/examples", "/api/workflows", "/sites/{id}/", "/sites/{id}/{path}");
        assertThat(api.path("paths").path("/api/sites").path("post").path("responses").fieldNames()).toIterable()
                .contains("202", "400", "401", "413", "429", "503");
    }

    @Test
    void examplesAndWorkflowsAreListed() throws Exception {
        JsonNode examples = TestServer.JSON.readTree(s.get("/api/examples").body());
        assertThat(examples.size()).isGreaterThanOrEqualTo(5);
        assertThat(examples.findValuesAsText("name")).contains("manufacturing-priya-raman");
        assertThat(TestServer.JSON.readTree(examples.get(0).path("json").asText()).has("industry")).isTrue();
        JsonNode workflows = TestServer.JSON.readTree(s.get("/api/workflows").body());
        assertThat(workflows.findValuesAsText("name")).contains("personas", "single-llm");
    }

    @Test
    void runsArePagedNewestFirst() throws Exception {
        s.awaitFinished(s.start("retail-diego-martinez", "personas"));
        JsonNode all = TestServer.JSON.readTree(s.get("/api/runs?size=100").body());
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(2);
        List<String> created = all.path("runs").findValuesAsText("createdAt");
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        JsonNode first = TestServer.JSON.readTree(s.get("/api/runs?page=0&size=1").body());
        JsonNode second = TestServer.JSON.readTree(s.get("/api/runs?page=1&size=1").body());
        assertThat(first.path("runs")).hasSize(1);
        assertThat(first.path("runs").get(0).path("id").asText()).isEqualTo(all.path("runs").get(0).path("id").asText());
        assertThat(second.path("runs").get(0).path("id").asText()).isEqualTo(all.path("runs").get(1).path("id").asText());
        assertThat(s.get("/api/runs?size=1000").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/runs?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void invalidProfilesAnswer400NamingTheField() throws Exception {
        assertError(s.post("/api/sites", "{\"profile\": {\"industry\": \"retail\"}}"), 400, "name");
        assertError(s.post("/api/sites", "{\"profile\": {\"name\": \"Ana\", \"industry\": \"retail\", \"interests\": \"x\"}}"), 400, "interests");
        assertError(s.post("/api/sites", "{\"profile\": {\"name\": \"Ana\", \"industry\": \"retail\", \"companySize\": -3}}"), 400, "companySize");
        assertError(s.post("/api/sites", "{\"profile\": \"{not json\"}"), 400, "profile");
        assertError(s.post("/api/sites", "{\"workflow\": \"personas\"}"), 400, "profile");
        assertError(s.post("/api/sites", "{\"profile\": {\"name\": \"Ana\", \"industry\": \"retail\"}, \"workflow\": \"../../etc/passwd\"}"), 400, "workflow");
        assertError(s.post("/api/sites", "{\"profile\": {\"name\": \"Ana\", \"industry\": \"retail\"}, \"workflow\": \"/tmp/evil.yaml\"}"), 400, "workflow");
        assertError(s.post("/api/sites", "this is not json"), 400, "body");
        assertError(s.post("/api/sites", "[1, 2]"), 400, "body");
    }

    @Test
    void oversizeBodiesAnswer413EvenWhenChunked() throws Exception {
        String big = "{\"profile\": {\"name\": \"Ana\", \"industry\": \"retail\", \"mission\": \"" + "x".repeat(200 * 1024) + "\"}}";
        assertError(s.post("/api/sites", big), 413, "body");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(s.base() + "/api/sites")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build();
        HttpResponse<String> r = s.http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertError(r, 413, "body");
    }

    @Test
    void unknownRunsAre404AsJson() throws Exception {
        assertError(s.get("/api/sites/no-such-run"), 404, null);
        assertThat(s.get("/api/sites/no-such-run/events", "Accept", "text/event-stream").statusCode()).isEqualTo(404);
        assertThat(s.get("/sites/no-such-run/").statusCode()).isEqualTo(404);
        assertThat(s.get("/api/sites/BAD..ID").statusCode()).isEqualTo(404);
        assertError(s.get("/api/no-such-endpoint"), 404, null);
        assertError(s.get("/api/sites/" + done + "/events"), 406, "Accept");
    }

    @Test
    void siteFilesOutsideTheSiteAreNotServed() throws Exception {
        String other = s.start("logistics-marcus-adeyemi", "personas");
        s.awaitFinished(other);
        String[] attempts = {
                "/sites/" + done + "/../" + other + "/index.html",
                "/sites/" + done + "/%2e%2e/" + other + "/index.html",
                "/sites/" + done + "/%2E%2E/%2E%2E/atelier-runs.mv.db",
                "/sites/" + done + "/..%2f..%2fatelier-runs.mv.db",
                "/sites/" + done + "/..%5c..%5catelier-runs.mv.db",
                "/sites/" + done + "/assets/..\\..\\report.json",
                "/sites/" + done + "/%252e%252e/%252e%252e/atelier-runs.mv.db",
                "/sites/" + done + "/.%2e/.%2e/atelier-runs.mv.db",
                "/sites/" + done + "/%00index.html",
                "/sites/..%2f..%2f/index.html",
                "/sites/%2e%2e/atelier-runs.mv.db",
        };
        RawHttp.Response control = RawHttp.get(s.server.port(), "/sites/" + done + "/report.json");
        assertThat(control.status()).isEqualTo(200);
        assertThat(control.body()).contains("\"siteId\"");
        java.nio.file.Path siteDir = s.runs.siteDir(done);
        java.nio.file.Files.createSymbolicLink(siteDir.resolve("leak.json"), s.runs.siteDir(other).resolve("report.json"));
        java.nio.file.Files.createSymbolicLink(siteDir.resolve("up"), s.data);
        assertThat(RawHttp.get(s.server.port(), "/sites/" + done + "/leak.json").status()).isEqualTo(404);
        assertThat(RawHttp.get(s.server.port(), "/sites/" + done + "/up/atelier-runs.mv.db").status()).isEqualTo(404);
        for (String path : attempts) {
            RawHttp.Response r = RawHttp.get(s.server.port(), path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("Lanternfold", "H:2,", "\"siteId\"");
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String field) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestServer.JSON.readTree(r.body());
        assertThat(body.path("error").asText()).isNotBlank();
        if (field != null) assertThat(body.path("field").asText()).isEqualTo(field);
    }
}
