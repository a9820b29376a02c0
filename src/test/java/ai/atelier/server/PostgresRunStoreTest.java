package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.site.builtin.BuiltinEngines;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same server and schema on a real PostgreSQL server (Debian's, started by .ci/postgres), in
 * a fresh schema per run. Locally it is skipped, with a message, only when no server is
 * reachable; under CI (env CI set) an unreachable server fails the build instead.
 */
class PostgresRunStoreTest {
    static final String URL = env("ATELIER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/atelier_test");
    static final String USER = env("ATELIER_TEST_PG_USER", "atelier");
    static final String PASSWORD = env("ATELIER_TEST_PG_PASSWORD", "atelier");

    @TempDir
    Path data;
    String schema;

    @BeforeEach
    void freshSchema() {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "no PostgreSQL reachable at " + URL + " as " + USER + " (" + e.getMessage() + "); run `bash .ci/postgres` to start one";
            if (System.getenv("CI") != null) throw new AssertionError(why, e);
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void runsReportsEventsAndInterruptionsLiveInPostgres() throws Exception {
        RunDatabase db = new RunDatabase(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1);
        String finished;
        String cutOff;
        try (TestServer s = new TestServer(data, new BuiltinEngines(), db, settings, new RunService.Limits(1, 5))) {
            JsonNode health = TestServer.JSON.readTree(s.get("/api/health").body());
            assertThat(health.path("database").asText()).isEqualTo("postgresql");
            assertThat(health.path("schemaVersion").asInt()).isEqualTo(1);
            finished = s.start("agriculture-kwame-mensah", "personas");
            JsonNode run = s.awaitFinished(finished);
            assertThat(run.path("status").asText()).isEqualTo("done");
            assertThat(run.path("report").path("steps")).hasSize(4);
            assertThat(run.path("costs").path("perRole")).hasSize(4);
        }
        try (Connection c = DriverManager.getConnection(db.url(), USER, PASSWORD); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT status, length(report_json) FROM runs WHERE id = '" + finished + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("done");
            assertThat(r.getInt(2)).isGreaterThan(1000);
        }
        GatedEngines held = new GatedEngines();
        TestServer second = new TestServer(data, held, db, settings, new RunService.Limits(1, 5));
        try {
            cutOff = second.start("logistics-hannah-becker", "personas");
            assertThat(held.awaitArrival(30)).isTrue();
        } finally {
            second.close();
            held.open();
        }
        try (TestServer third = new TestServer(data, new BuiltinEngines(), db, settings, new RunService.Limits(1, 5))) {
            assertThat(TestServer.JSON.readTree(third.get("/api/runs").body()).path("runs").findValuesAsText("id")).containsExactly(cutOff, finished);
            assertThat(TestServer.JSON.readTree(third.get("/api/sites/" + cutOff).body()).path("status").asText()).isEqualTo("interrupted");
            assertThat(third.get("/sites/" + finished + "/").statusCode()).isEqualTo(200);
            List<TestServer.SseEvent> events = third.events(finished, null);
            assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
