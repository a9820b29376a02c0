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
     * A kill -9 leaves only what is in the files: a byte copy of the data folder's run files (the
     * database and its intake file) taken the moment {@code insert} returns must hold the run once
     * a store opens it. Each copy is opened as a store of its own.
     */
    @Test
    void anInsertedRunIsInTheFilesTheMomentInsertReturns() throws Exception {
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            try (Connection c = DriverManager.getConnection(store.database().url(), "sa", "");
                 var r = c.createStatement().executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("H2's background writer is off").isEqualTo("0");
            }
            for (int i = 0; i < 10; i++) {
                store.insert(queued("run-" + i, 1000 + i));
                store.appendEvent("run-" + i, new RunEvent(1, RunEvent.QUEUED, Map.of("workflow", "personas")));
                Path copy = java.nio.file.Files.createDirectories(data.resolve("copy-" + i));
                for (String f : List.of("atelier-runs.mv.db", "atelier-runs.accepted.jsonl")) {
                    java.nio.file.Files.copy(data.resolve(f), copy.resolve(f));
                }
                try (RunStore reopened = new RunStore(RunDatabase.h2In(copy))) {
                    for (int j = 0; j <= i; j++) assertThat(reopened.find("run-" + j)).as("run-%d in the copy after insert %d returned", j, i).isPresent();
                }
            }
        }
    }

    /**
     * The intake file keeps the promise when the database does not: a run the database lost (deleted
     * here behind the store's back, as H2 lost one after a kill -9) is put back, queued, when the
     * store opens; a line torn by a kill is skipped and does not swallow the next; the file is kept.
     */
    @Test
    void anAcceptedRunTheDatabaseLostIsRestoredFromTheIntakeFile() throws Exception {
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            store.insert(queued("kept", 1000));
            store.insert(queued("lost", 2000));
        }
        try (Connection c = DriverManager.getConnection(RunDatabase.h2In(data).url(), "sa", "")) {
            c.createStatement().executeUpdate("DELETE FROM runs WHERE id = 'lost'");
        }
        Path intake = data.resolve("atelier-runs.accepted.jsonl");
        java.nio.file.Files.writeString(intake, "{\"id\":\"torn\",\"workfl", java.nio.file.StandardOpenOption.APPEND);
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            RunRecord lost = store.find("lost").orElseThrow();
            assertThat(lost.status()).isEqualTo(RunStatus.QUEUED);
            assertThat(lost.profileJson()).isEqualTo("{\"name\":\"Ana\"}");
            assertThat(lost.createdMs()).isEqualTo(2000);
            assertThat(store.find("kept")).isPresent();
            assertThat(store.find("torn")).isEmpty();
            assertThat(store.unfinished()).containsExactly("kept", "lost");
            assertThat(java.nio.file.Files.readString(intake)).as("kept: never emptied").contains("\"id\":\"lost\"");
            java.nio.file.Files.writeString(intake, "{\"id\":\"torn-again", java.nio.file.StandardOpenOption.APPEND);
            store.insert(queued("after-torn", 3000));
        }
        try (Connection c = DriverManager.getConnection(RunDatabase.h2In(data).url(), "sa", "")) {
            c.createStatement().executeUpdate("DELETE FROM runs WHERE id = 'after-torn'");
        }
        try (RunStore store = new RunStore(RunDatabase.h2In(data))) {
            assertThat(store.find("after-torn")).as("a line after a torn one is read").isPresent();
            assertThat(store.page(0, 10).total()).isEqualTo(3);
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
