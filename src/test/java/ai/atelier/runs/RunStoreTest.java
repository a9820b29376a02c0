package ai.atelier.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path data;

    static RunRecord queued(String id, long created) {
        return new RunRecord(id, "personas", RunStatus.QUEUED, "Ana", "retail", created, null, null, null, null, null, null, null, "{\"name\":\"Ana\"}", null, null);
    }

    @Test
    void migrationsApplyOnceAndRecordTheirVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:migrations-" + System.nanoTime(), "sa", "")) {
            assertThat(Migrations.apply(c)).containsExactly(1);
            assertThat(Migrations.apply(c)).isEmpty();
            assertThat(Migrations.currentVersion(c)).isEqualTo(1);
        }
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n")).containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void keepsRunsEventsAndPagesNewestFirstAcrossReopen() {
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            store.insert(queued("old", 1000));
            store.insert(queued("new", 2000));
            store.appendEvent("new", new RunEvent(1, RunEvent.QUEUED, Map.of("workflow", "personas")));
            store.markStarted("new", 2100);
            store.markFinished("new", RunStatus.DONE, 2500, 0.0123, 10L, 20L, 95, null, "{\"r\":1}", "{\"c\":1}");
        }
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            assertThat(store.schemaVersion()).isEqualTo(1);
            RunPage page = store.page(0, 10);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.runs()).extracting(RunRecord::id).containsExactly("new", "old");
            RunRecord r = store.find("new").orElseThrow();
            assertThat(r.status()).isEqualTo(RunStatus.DONE);
            assertThat(r.costUsd()).isEqualTo(0.0123);
            assertThat(r.qualityScore()).isEqualTo(95);
            assertThat(r.reportJson()).isEqualTo("{\"r\":1}");
            assertThat(store.events("new")).extracting(RunEvent::type).containsExactly(RunEvent.QUEUED);
            assertThat(store.events("new").get(0).data()).containsEntry("workflow", "personas");
            assertThat(store.unfinished()).containsExactly("old");
            assertThat(store.page(1, 1).runs()).extracting(RunRecord::id).containsExactly("old");
        }
    }

    /**
     * A kill -9 leaves only what is in the file: a byte copy of the database file taken the moment
     * {@code insert} returns (nothing else runs in between: H2's background writer is off) must
     * hold the run. Each copy is opened as a database of its own.
     */
    @Test
    void anInsertedRunIsInTheFileTheMomentInsertReturns() throws Exception {
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            try (Connection c = DriverManager.getConnection(store.database().url(), "sa", "");
                 var r = c.createStatement().executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("H2's background writer is off").isEqualTo("0");
            }
            for (int i = 0; i < 25; i++) {
                store.insert(queued("run-" + i, 1000 + i));
                store.appendEvent("run-" + i, new RunEvent(1, RunEvent.QUEUED, Map.of("workflow", "personas")));
                Path copy = java.nio.file.Files.createDirectories(data.resolve("copy-" + i));
                java.nio.file.Files.copy(data.resolve("atelier-runs.mv.db"), copy.resolve("atelier-runs.mv.db"));
                try (Connection c = DriverManager.getConnection(RunDatabase.h2In(copy).url(), "sa", "");
                     var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM runs")) {
                    r.next();
                    assertThat(r.getInt(1)).as("runs in the file after insert %d returned", i).isEqualTo(i + 1);
                }
            }
        }
    }

    @Test
    void aNonAdminH2UserIsRefusedWithTheReason() throws Exception {
        String url = RunDatabase.h2In(data).url();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE USER reader PASSWORD 'pw'");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunStore(new RunDatabase(url, "reader", "pw")))
                .hasMessageContaining("must be an admin").hasMessageContaining("WRITE_DELAY");
    }

    @Test
    void describeHidesCredentialsAndParameters() {
        RunDatabase db = new RunDatabase("jdbc:postgresql://bob:pw@db.example:5432/atelier?password=pw&ssl=true", "bob", "pw");
        assertThat(db.kind()).isEqualTo("postgresql");
        assertThat(db.describe()).isEqualTo("jdbc:postgresql://db.example:5432/atelier").doesNotContain("pw");
        assertThat(db.toString()).doesNotContain("pw");
        assertThat(RunDatabase.h2In(data).kind()).isEqualTo("h2");
        assertThat(List.of(RunStatus.values())).extracting(RunStatus::label).containsExactly("queued", "running", "done", "failed", "interrupted");
    }
}
