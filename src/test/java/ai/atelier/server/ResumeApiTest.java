package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.site.builtin.BuiltinEngines;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/sites/{id}/resume}: a run cut off after its personalizer finished is resumed in
 * its own folder, keeps the personalizer's step (from the step journal, without calling it again),
 * runs the rest, and its event stream continues its numbering and ends with the new outcome.
 */
class ResumeApiTest {
    @TempDir
    Path data;

    private static long attempts(Path journal, String step) throws Exception {
        return attempts(journal, step, 0);
    }

    /** Attempts of a step in the journal, in one session (or in all for session 0). */
    private static long attempts(Path journal, String step, int session) throws Exception {
        JsonNode j = TestServer.JSON.readTree(Files.readString(journal));
        long n = 0;
        for (JsonNode a : j.path("attempts")) {
            if (a.path("span").path("id").asText().equals(step) && (session == 0 || a.path("session").asInt() == session)) n++;
        }
        return n;
    }

    @Test
    void anInterruptedRunIsResumedKeepingItsFinishedStepsAndItsEvents() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1);
        String id;
        GatedEngines held = GatedEngines.atDeveloper();
        TestServer first = new TestServer(data, held, RunDatabase.h2In(data), settings, new RunService.Limits(1, 5));
        try {
            id = first.start("healthcare-rebecca-whitfield", "personas");
            assertThat(held.awaitArrival(30)).isTrue();
        } finally {
            first.close(); // cut off while a step is held
            held.open();
        }
        Path journal = data.resolve("sites").resolve(id).resolve("journal.json");
        assertThat(journal).exists();
        assertThat(attempts(journal, "personalizer")).as("the personalizer's attempt is journalled when it ends").isEqualTo(1);
        try (TestServer second = new TestServer(data, new BuiltinEngines(), RunDatabase.h2In(data), settings, new RunService.Limits(1, 5))) {
            assertThat(TestServer.JSON.readTree(second.get("/api/sites/" + id).body()).path("status").asText()).isEqualTo("interrupted");
            HttpResponse<String> r = second.post("/api/sites/" + id + "/resume", "{}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode run = second.awaitFinished(id);
            assertThat(run.path("status").asText()).as(run.path("error").asText()).isEqualTo("done");
            JsonNode report = run.path("report");
            assertThat(report.path("sessions").asInt()).isEqualTo(2);
            JsonNode personalizer = report.path("steps").get(0);
            assertThat(personalizer.path("id").asText()).isEqualTo("personalizer");
            assertThat(personalizer.path("calls")).as("kept with the calls it made in the first session").isNotEmpty();
            assertThat(report.path("totals").path("criticalPathMs").asLong()).isLessThanOrEqualTo(report.path("totals").path("wallMs").asLong());
            List<TestServer.SseEvent> events = second.events(id, null);
            assertThat(events).extracting(TestServer.SseEvent::event).startsWith("queued", "started").contains("interrupted").endsWith("done");
            for (int i = 0; i < events.size(); i++) assertThat(events.get(i).id()).isEqualTo(String.valueOf(i + 1));
            // a finished run is not resumed again; an unknown one is not found
            assertThat(second.post("/api/sites/" + id + "/resume", "{}").statusCode()).isEqualTo(409);
            assertThat(second.post("/api/sites/no-such-run/resume", "{}").statusCode()).isEqualTo(404);
            JsonNode after = TestServer.JSON.readTree(Files.readString(journal));
            assertThat(after.path("sessions")).hasSize(2);
            // the personalizer ran once, in session 1: it was not called again
            assertThat(attempts(journal, "personalizer")).isEqualTo(1);
            assertThat(attempts(journal, "developer", 2)).as("cut off in session 1, run in session 2").isEqualTo(1);
        }
    }
}
