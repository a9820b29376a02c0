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

/**
 * Smaller defects of issue 15 and 19, over real HTTP: an invalid request (400) spends none of the
 * client's rate-limit budget; duplicate JSON keys, in the body or in the profile, are refused with
 * one line naming the key; the event stream answers curl's default {@code Accept: *}{@code /*}
 * and sends one Cache-Control header.
 */
class RequestHygieneTest {
    @TempDir
    Path data;

    @Test
    void invalidRequestsSpendNoBudgetAndDuplicateKeysAreRefused() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(2, 2);
        try (TestServer s = new TestServer(data, new BuiltinEngines(), RunDatabase.h2In(data), settings, new RunService.Limits(2, 10))) {
            for (int i = 0; i < 5; i++) {
                assertThat(s.post("/api/sites", "{\"profile\": {\"industry\": \"retail\"}}").statusCode()).as("no name").isEqualTo(400);
                assertThat(s.post("/api/sites", "not json").statusCode()).isEqualTo(400);
            }
            HttpResponse<String> dupBody = s.post("/api/sites", "{\"profile\": {\"name\": \"A\", \"industry\": \"retail\"}, \"workflow\": \"personas\", \"workflow\": \"single-llm\"}");
            assertThat(dupBody.statusCode()).isEqualTo(400);
            assertThat(TestServer.JSON.readTree(dupBody.body()).path("error").asText())
                    .isEqualTo("the request body has the key \"workflow\" twice; send each key once");
            HttpResponse<String> dupProfile = s.post("/api/sites", "{\"profile\": \"{\\\"name\\\": \\\"A\\\", \\\"name\\\": \\\"B\\\", \\\"industry\\\": \\\"retail\\\"}\"}");
            assertThat(dupProfile.statusCode()).isEqualTo(400);
            JsonNode err = TestServer.JSON.readTree(dupProfile.body());
            assertThat(err.path("error").asText()).startsWith("the profile has the key \"name\" twice");
            assertThat(err.path("field").asText()).isEqualTo("profile");

            // the budget (burst 2) is whole: the invalid requests above did not use it
            String body = TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas");
            HttpResponse<String> first = s.post("/api/sites", body);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(s.post("/api/sites", body).statusCode()).isEqualTo(202);
            assertThat(s.post("/api/sites", body).statusCode()).isEqualTo(429);

            String id = TestServer.JSON.readTree(first.body()).path("id").asText();
            s.awaitFinished(id);
            HttpResponse<String> curl = s.get("/api/sites/" + id + "/events", "Accept", "*/*");
            assertThat(curl.statusCode()).isEqualTo(200);
            assertThat(curl.body()).contains("event: done");
            assertThat(curl.headers().allValues("Cache-Control")).hasSize(1);
        }
    }
}
