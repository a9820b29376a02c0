package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.site.builtin.BuiltinEngines;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs, reports and sites survive a restart on the same data folder; a run cut off by the stop shows as interrupted. */
class RestartTest {
    @TempDir
    Path data;

    @Test
    void afterARestartOldRunsAreListedServedAndTheCutOffOneIsInterrupted() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1);
        GatedEngines engines = new GatedEngines();
        String finished;
        String cutOff;
        TestServer first = new TestServer(data, engines, RunDatabase.h2In(data), settings, new RunService.Limits(1, 5));
        try {
            engines.open(); // the first run goes straight through
            finished = first.start("manufacturing-tomas-lindqvist", "personas");
            assertThat(first.awaitFinished(finished).path("status").asText()).isEqualTo("done");
        } finally {
            first.close();
        }
        GatedEngines held = new GatedEngines();
        TestServer second = new TestServer(data, held, RunDatabase.h2In(data), settings, new RunService.Limits(1, 5));
        try {
            cutOff = second.start("healthcare-rebecca-whitfield", "personas");
            assertThat(held.awaitArrival(30)).isTrue();
            assertThat(TestServer.JSON.readTree(second.get("/api/sites/" + cutOff).body()).path("status").asText()).isEqualTo("running");
        } finally {
            second.close(); // stops while the run is held mid-way
            held.open();
        }

        try (TestServer third = new TestServer(data, new BuiltinEngines(), RunDatabase.h2In(data), settings, new RunService.Limits(1, 5))) {
            assertThat(third.runs.interruptedAtStart()).containsExactly(cutOff);
            JsonNode list = TestServer.JSON.readTree(third.get("/api/runs").body());
            assertThat(list.path("runs").findValuesAsText("id")).containsExactly(cutOff, finished);

            JsonNode old = TestServer.JSON.readTree(third.get("/api/sites/" + finished).body());
            assertThat(old.path("status").asText()).isEqualTo("done");
            assertThat(old.path("report").path("steps")).hasSize(4);
            HttpResponse<String> site = third.get("/sites/" + finished + "/");
            assertThat(site.statusCode()).isEqualTo(200);
            assertThat(site.body()).contains("Tomas");
            List<TestServer.SseEvent> replay = third.events(finished, null);
            assertThat(replay.get(replay.size() - 1).event()).isEqualTo("done");

            JsonNode interrupted = TestServer.JSON.readTree(third.get("/api/sites/" + cutOff).body());
            assertThat(interrupted.path("status").asText()).isEqualTo("interrupted");
            assertThat(interrupted.path("error").asText()).contains("interrupted");
            List<TestServer.SseEvent> events = third.events(cutOff, null);
            assertThat(events).extracting(TestServer.SseEvent::event).startsWith("queued", "started").endsWith("interrupted");

            String fresh = third.start("retail-sophie-laurent", "personas");
            assertThat(third.awaitFinished(fresh).path("status").asText()).as("the restarted server still generates").isEqualTo("done");
        }
    }
}
