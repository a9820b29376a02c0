package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.site.builtin.BuiltinEngines;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API token, per-client rate limit and the bounded generation queue, over real HTTP. */
class LimitsTest {
    @TempDir
    Path data;

    @Test
    void everyRequestNeedsTheConfiguredToken() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1).withApiToken("s3cret-token");
        try (TestServer s = new TestServer(data, new BuiltinEngines(), RunDatabase.h2In(data), settings, new RunService.Limits(1, 5))) {
            String body = TestServer.siteRequest(TestServer.example("retail-diego-martinez"), "personas");
            HttpResponse<String> none = s.post("/api/sites", body);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(TestServer.JSON.readTree(none.body()).path("field").asText()).isEqualTo("token");
            assertThat(s.post("/api/sites", body, "Authorization", "Bearer s3cret-tokeN").statusCode()).isEqualTo(401);
            assertThat(s.post("/api/sites", body, "Authorization", "Bearer s3cret-token-and-more").statusCode()).isEqualTo(401);
            assertThat(s.post("/api/sites", body, "Authorization", "Basic czNjcmV0LXRva2Vu").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = s.post("/api/sites", body, "Authorization", "Bearer s3cret-token");
            assertThat(ok.statusCode()).as(ok.body() + ok.headers().map()).isEqualTo(202);
            assertThat(s.post("/api/sites", body, "X-Api-Token", "s3cret-token").statusCode()).isEqualTo(202);
            // same kept-alive connection, same token in other letter case: Jetty's header cache must not match it to the right one
            assertThat(s.post("/api/sites", body, "Authorization", "Bearer S3CRET-TOKEN").statusCode()).isEqualTo(401);
            assertThat(s.runs.page(0, 10).total()).isEqualTo(2);
            assertThat(s.get("/api/runs").statusCode()).as("reads need the token too (issue 15)").isEqualTo(401);
            assertThat(TestServer.JSON.readTree(s.get("/api/health").body()).path("apiTokenRequired").asBoolean()).isTrue();
            s.authorization = "Bearer s3cret-token";
            assertThat(s.get("/api/runs").statusCode()).isEqualTo(200);
            s.awaitFinished(TestServer.JSON.readTree(ok.body()).get("id").asText());
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(2, 2);
        try (TestServer s = new TestServer(data, new BuiltinEngines(), RunDatabase.h2In(data), settings, new RunService.Limits(1, 10))) {
            String body = TestServer.siteRequest(TestServer.example("retail-diego-martinez"), "personas");
            assertThat(s.post("/api/sites", body).statusCode()).isEqualTo(202);
            assertThat(s.post("/api/sites", body).statusCode()).isEqualTo(202);
            HttpResponse<String> limited = s.post("/api/sites", body);
            assertThat(limited.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 30L);
            assertThat(TestServer.JSON.readTree(limited.body()).path("error").asText()).contains("retry in");
            assertThat(s.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(s.runs.page(0, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void whenEverySlotAndQueuePlaceIsTakenPostAnswers503() throws Exception {
        GatedEngines engines = new GatedEngines();
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1);
        try (TestServer s = new TestServer(data, engines, RunDatabase.h2In(data), settings, new RunService.Limits(1, 1))) {
            String body = TestServer.siteRequest(TestServer.example("retail-diego-martinez"), "personas");
            HttpResponse<String> first = s.post("/api/sites", body);
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(engines.awaitArrival(30)).isTrue();
            HttpResponse<String> second = s.post("/api/sites", body);
            assertThat(second.statusCode()).isEqualTo(202);
            JsonNode load = TestServer.JSON.readTree(s.get("/api/health").body()).path("load");
            assertThat(load.path("running").asInt()).isEqualTo(1);
            assertThat(load.path("queued").asInt()).isEqualTo(1);

            HttpResponse<String> full = s.post("/api/sites", body);
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertThat(TestServer.JSON.readTree(full.body()).path("error").asText()).contains("queue");
            assertThat(s.runs.page(0, 10).total()).as("a refused run is not recorded").isEqualTo(2);

            engines.open();
            assertThat(s.awaitFinished(TestServer.JSON.readTree(first.body()).get("id").asText()).path("status").asText()).isEqualTo("done");
            assertThat(s.awaitFinished(TestServer.JSON.readTree(second.body()).get("id").asText()).path("status").asText()).isEqualTo("done");
            assertThat(s.post("/api/sites", body).statusCode()).as("a place is free again").isEqualTo(202);
        }
    }
}
