package ai.atelier.runs;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run database over plain JDBC: runs, their events, paging. It migrates the schema when it
 * opens, so a new data directory or an empty PostgreSQL database just works. One connection,
 * used under a lock and reopened if the server dropped it: a generation writes a handful of rows,
 * so simplicity beats a pool here.
 *
 * <p>On an H2 file database every accepted run is also appended to an fsynced intake file beside
 * it ({@link IntakeLog}) before {@link #insert} returns, and replayed into the database when the
 * store opens: H2 lost an accepted, synced run after a kill -9, so a 202 does not rest on H2's
 * write path alone. PostgreSQL commits are durable (synchronous_commit), so it has no such file.
 */
public final class RunStore implements AutoCloseable {
    private static final ObjectMapper JSON = ai.atelier.model.Money.json(new ObjectMapper());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final int MAX_ERROR = 4000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunStore.class);
    private final RunDatabase db;
    /** The accepted-runs file of an H2 file database; null for PostgreSQL and in-memory H2. */
    private final IntakeLog intake;
    private Connection connection;
    private boolean closed;

    public RunStore(RunDatabase db) {
        this.db = db;
        Path file = h2File(db);
        this.intake = file == null ? null : new IntakeLog(Path.of(file + ".accepted.jsonl"));
        try {
            Migrations.apply(connection());
            if (intake != null) replayIntake(file);
        } catch (SQLException | java.io.UncheckedIOException e) {
            throw new AtelierException("cannot prepare the run database " + db.describe() + ": " + e.getMessage(), "database", e);
        }
    }

    /** The database file's path without H2's suffix, for an embedded H2 file URL; else null. */
    static Path h2File(RunDatabase db) {
        String url = db.url();
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) return null;
        String rest = url.substring(prefix.length());
        int semi = rest.indexOf(';');
        return Path.of(semi < 0 ? rest : rest.substring(0, semi)).toAbsolutePath().normalize();
    }

    /**
     * Puts back every accepted run the database lost. The intake file is never emptied: a 20-round
     * kill -9 run showed H2 losing a row it had held through a clean SHUTDOWN and fsync (an accepted
     * run gone rounds later), so no point in H2's life is trusted to make the file redundant. It
     * grows by one line per accepted run (its profile included); every start checks every line.
     */
    private void replayIntake(Path file) throws SQLException {
        List<RunRecord> accepted = intake.read();
        List<String> restored = new ArrayList<>();
        for (RunRecord r : accepted) {
            if (find(r.id()).isEmpty()) {
                insertRow(connection(), r);
                restored.add(r.id());
            }
        }
        if (!restored.isEmpty()) {
            sync(connection());
            LOG.warn("{} accepted run(s) missing from the run database after an unclean stop were restored from {}: {}",
                    restored.size(), intake.file().getFileName(), restored);
        }
    }

    public RunDatabase database() {
        return db;
    }

    public synchronized int schemaVersion() {
        return call(c -> Migrations.currentVersion(c));
    }

    /**
     * Records a new run; it is on disk (fsynced) when this returns, so a 202 for it is a promise
     * kept: on H2 first in the intake file, then in the database.
     */
    public synchronized void insert(RunRecord r) {
        if (intake != null) intake.append(r);
        run(c -> {
            insertRow(c, r);
            sync(c);
        });
    }

    private static void insertRow(Connection c, RunRecord r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (id, workflow, status, visitor_name, industry, created_ms, profile_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.id());
            p.setString(2, r.workflow());
            p.setString(3, r.status().label());
            p.setString(4, r.visitorName());
            p.setString(5, r.industry());
            p.setLong(6, r.createdMs());
            p.setString(7, r.profileJson());
            p.executeUpdate();
        }
    }

    /**
     * Puts an interrupted or failed run back in the queue (for a resume); false when the run is not
     * in one of those states any more (another request resumed it first). Synced like an insert.
     */
    public synchronized boolean requeue(String id) {
        return call(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, finished_ms = NULL, error = NULL WHERE id = ? AND status IN (?, ?)")) {
                p.setString(1, RunStatus.QUEUED.label());
                p.setString(2, id);
                p.setString(3, RunStatus.INTERRUPTED.label());
                p.setString(4, RunStatus.FAILED.label());
                boolean changed = p.executeUpdate() == 1;
                if (changed) sync(c);
                return changed;
            }
        });
    }

    /**
     * Makes what was just committed survive the machine losing power, not only the process being
     * killed. PostgreSQL commits are durable already (synchronous_commit). On H2 the commit itself
     * was written to the file by the committing thread (see {@link #writeThrough}); {@code CHECKPOINT
     * SYNC} then fsyncs the file.
     */
    private void sync(Connection c) throws SQLException {
        if (!"h2".equals(db.kind())) return;
        try (var s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    public synchronized void markStarted(String id, long startedMs) {
        run(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, started_ms = ? WHERE id = ?")) {
                p.setString(1, RunStatus.RUNNING.label());
                p.setLong(2, startedMs);
                p.setString(3, id);
                p.executeUpdate();
            }
        });
    }

    /** Records how a run ended, with its report and cost view when there are any. */
    public synchronized void markFinished(String id, RunStatus status, long finishedMs, Double costUsd, Long inputTokens, Long outputTokens,
                                          Integer qualityScore, String error, String reportJson, String costsJson) {
        run(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, finished_ms = ?, cost_usd = ?, input_tokens = ?, output_tokens = ?,"
                    + " quality_score = ?, error = ?, report_json = ?, costs_json = ? WHERE id = ?")) {
                p.setString(1, status.label());
                p.setLong(2, finishedMs);
                setDouble(p, 3, costUsd);
                setLong(p, 4, inputTokens);
                setLong(p, 5, outputTokens);
                if (qualityScore == null) p.setNull(6, Types.INTEGER); else p.setInt(6, qualityScore);
                p.setString(7, cut(error));
                p.setString(8, reportJson);
                p.setString(9, costsJson);
                p.setString(10, id);
                p.executeUpdate();
            }
            sync(c);
        });
    }

    public synchronized void appendEvent(String runId, RunEvent e) {
        run(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run_events (run_id, seq, type, data_json) VALUES (?, ?, ?, ?)")) {
                p.setString(1, runId);
                p.setInt(2, e.seq());
                p.setString(3, e.type());
                p.setString(4, json(e.data()));
                p.executeUpdate();
            }
        });
    }

    public synchronized List<RunEvent> events(String runId) {
        return call(c -> {
            List<RunEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, type, data_json FROM run_events WHERE run_id = ? ORDER BY seq")) {
                p.setString(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(new RunEvent(r.getInt(1), r.getString(2), map(r.getString(3))));
                }
            }
            return out;
        });
    }

    public synchronized Optional<RunRecord> find(String id) {
        return call(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(record(r, true)) : Optional.<RunRecord>empty();
                }
            }
        });
    }

    /** Newest first; the list leaves out the large JSON columns. */
    public synchronized RunPage page(int page, int size) {
        return call(c -> {
            long total;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM runs"); ResultSet r = p.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, workflow, status, visitor_name, industry, created_ms, started_ms, finished_ms, cost_usd,"
                    + " input_tokens, output_tokens, quality_score, error FROM runs ORDER BY created_ms DESC, id DESC LIMIT ? OFFSET ?")) {
                p.setInt(1, size);
                p.setLong(2, (long) page * size);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(record(r, false));
                }
            }
            return new RunPage(page, size, total, out);
        });
    }

    /** Ids of runs that were queued or running: after a restart, these were cut off. */
    public synchronized List<String> unfinished() {
        return withStatus(RunStatus.QUEUED, RunStatus.RUNNING);
    }

    /** Ids of runs with either status, oldest first. */
    public synchronized List<String> withStatus(RunStatus a, RunStatus b) {
        return call(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM runs WHERE status IN (?, ?) ORDER BY created_ms")) {
                p.setString(1, a.label());
                p.setString(2, b.label());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing on shutdown: nothing useful to do with the error
            }
            connection = null;
        }
    }

    private RunRecord record(ResultSet r, boolean full) throws SQLException {
        return new RunRecord(r.getString("id"), r.getString("workflow"), RunStatus.parse(r.getString("status")), r.getString("visitor_name"),
                r.getString("industry"), r.getLong("created_ms"), getLong(r, "started_ms"), getLong(r, "finished_ms"), getDouble(r, "cost_usd"),
                getLong(r, "input_tokens"), getLong(r, "output_tokens"), getInt(r, "quality_score"), r.getString("error"),
                full ? r.getString("profile_json") : null, full ? r.getString("report_json") : null, full ? r.getString("costs_json") : null);
    }

    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private interface SqlAction {
        void apply(Connection c) throws SQLException;
    }

    private void run(SqlAction a) {
        call(c -> {
            a.apply(c);
            return null;
        });
    }

    /** Runs the work; a dropped connection is reopened and the work tried once more. */
    private <T> T call(SqlWork<T> w) {
        try {
            return w.apply(connection());
        } catch (SQLException first) {
            try {
                if (!closed && connection != null && !connection.isValid(2)) {
                    closeConnection();
                    return w.apply(connection());
                }
            } catch (SQLException second) {
                first.addSuppressed(second);
            }
            throw new IllegalStateException("run database " + db.describe() + ": " + first.getMessage(), first);
        }
    }

    private Connection connection() throws SQLException {
        if (closed) throw new SQLException("the run store is closed");
        if (connection == null) {
            // no user: the URL carries everything (or the driver's defaults apply)
            Connection c = db.user() == null || db.user().isEmpty() ? DriverManager.getConnection(db.url())
                    : DriverManager.getConnection(db.url(), db.user(), db.password());
            try {
                if ("h2".equals(db.kind())) writeThrough(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /**
     * Turns off H2's background writer ({@code WRITE_DELAY 0}), so that every commit is written to
     * the file by the thread that commits, before the statement returns. With the default delay
     * (1 s) H2's MVStore writes in a background thread that hands each chunk to an executor and does
     * not wait for it; {@code CHECKPOINT SYNC} (MVStore.commit, then fsync) returns at once when that
     * writer has already taken the changes (or is taking them), without waiting for its write, and
     * fsyncs a file that does not hold them yet. A kill -9 in that moment lost a run that had been
     * answered 202 (1 in 30 in KillNineDurabilityTest). With the writer off a run was still lost
     * once (in round 0 of a 20-round run), so this narrows the window and the intake file
     * ({@link IntakeLog}) is what keeps the promise. Setting it needs an admin user (H2's {@code sa} by default); another user is refused with a line
     * saying so.
     */
    private void writeThrough(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new SQLException("the H2 user must be an admin (Atelier sets WRITE_DELAY 0 so that an accepted run is on disk before it is"
                    + " answered); use the database's owner, e.g. sa: " + e.getMessage(), e);
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }

    private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        if (v == null) p.setNull(i, Types.DOUBLE); else p.setDouble(i, v);
    }

    private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
        if (v == null) p.setNull(i, Types.BIGINT); else p.setLong(i, v);
    }

    private static Long getLong(ResultSet r, String col) throws SQLException {
        long v = r.getLong(col);
        return r.wasNull() ? null : v;
    }

    private static Integer getInt(ResultSet r, String col) throws SQLException {
        int v = r.getInt(col);
        return r.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet r, String col) throws SQLException {
        double v = r.getDouble(col);
        return r.wasNull() ? null : v;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> map(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unreadable", e.getOriginalMessage());
            return m;
        }
    }
}
