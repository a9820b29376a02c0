package ai.atelier.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny versioned migration runner: the SQL files in {@code db/migration/} are applied once each,
 * in version order, and recorded in {@code schema_version}, so H2 and PostgreSQL get the same
 * schema by the same steps. A new schema change is a new file appended to {@link #SCRIPTS}, never
 * an edit of an applied one.
 */
final class Migrations {
    /** Every migration, oldest first. The number before "__" is the version. */
    static final List<String> SCRIPTS = List.of("V1__runs.sql");

    private Migrations() {}

    /** Applies what is missing; returns the versions applied now. */
    static List<Integer> apply(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)");
            }
            c.commit();
            List<Integer> applied = new ArrayList<>();
            for (String script : SCRIPTS) {
                int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
                if (isApplied(c, version)) continue;
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(script))) s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, script, applied_ms) VALUES (?, ?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, script);
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                c.commit();
                applied.add(version);
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The highest applied version, 0 for an empty database. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static boolean isApplied(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Splits a script on semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) continue;
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = cur.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) throw new IllegalStateException("migration " + script + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + script + " cannot be read", e);
        }
    }
}
