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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same server and schema on a real PostgreSQL server, in a fresh schema per run: by default
 * an embedded PostgreSQL (zonky: the real server binaries, shipped in a jar from Maven Central,
 * started on a free loopback port), or the server named by ATELIER_TEST_PG_URL (with
 * ATELIER_TEST_PG_USER and ATELIER_TEST_PG_PASSWORD) when that is set.
 */
class PostgresRunStoreTest {
    static EmbeddedPostgres embedded;
    static String url;
    static String user;
    static String password;

    @TempDir
    Path data;
    String schema;

    @BeforeAll
    static void server() throws Exception {
        String given = System.getenv("ATELIER_TEST_PG_URL");
        if (given != null && !given.isBlank()) {
            url = given;
            user = env("ATELIER_TEST_PG_USER", "atelier");
            password = env("ATELIER_TEST_PG_PASSWORD", "atelier");
        } else {
            embedded = EmbeddedPostgres.start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (embedded != null) embedded.close();
    }

    @BeforeEach
    void freshSchema() throws SQLException {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void runsReportsEventsAndInterruptionsLiveInPostgres() throws Exception {
        RunDatabase db = new RunDatabase(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
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
        try (Connection c = DriverManager.getConnection(db.url(), user, password); Statement st = c.createStatement();
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
