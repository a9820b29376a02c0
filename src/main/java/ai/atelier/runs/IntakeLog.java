package ai.atelier.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted runs, one JSON line each, appended and fsynced ({@link FileChannel#force}) before
 * the run is answered 202: a promise that does not depend on the database's own write path. H2's
 * MVStore lost a committed, {@code CHECKPOINT SYNC}ed run after a kill -9 (KillNineDurabilityTest),
 * so the H2 run store keeps this file beside its database and replays every line whose run the
 * database does not have when it opens; the file is never emptied (H2 also lost, after a later
 * kill, a row it had held through a clean shutdown). A line cut off by a kill (never answered: force had not returned)
 * is skipped. Lines hold what the runs row holds at acceptance, the visitor's profile included,
 * so the file lives in the data folder with the database, under the same permissions.
 */
final class IntakeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    IntakeLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends one accepted run and returns when it is on disk. */
    synchronized void append(RunRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("workflow", r.workflow());
        n.put("visitorName", r.visitorName());
        n.put("industry", r.industry());
        n.put("createdMs", r.createdMs());
        n.put("profileJson", r.profileJson());
        write((n + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every complete line, as queued runs (a torn last line is skipped). */
    synchronized List<RunRecord> read() {
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException torn) {
                    continue; // cut off by a kill before force returned: never answered 202
                }
                if (n == null || !n.hasNonNull("id") || !n.hasNonNull("profileJson")) continue;
                out.add(new RunRecord(n.get("id").asText(), n.path("workflow").asText(), RunStatus.QUEUED, text(n, "visitorName"), text(n, "industry"),
                        n.path("createdMs").asLong(), null, null, null, null, null, null, null, n.get("profileJson").asText(), null, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accepted-runs file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private void write(byte[] bytes) {
        try {
            boolean created = !Files.exists(file);
            // one writer (the store's lock): the bytes go at the end, as with APPEND, which cannot be opened for reading too
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                long end = ch.size();
                // a line torn by an earlier kill must not swallow this one
                if (end > 0 && lastByte(ch) != '\n') bytes = prepend((byte) '\n', bytes);
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) end += ch.write(b, end);
                ch.force(true);
            }
            if (created) syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the accepted run in " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte lastByte(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, ch.size() - 1);
        return one.get(0);
    }

    private static byte[] prepend(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /** The new file's directory entry, on disk too (Linux: fsync on the directory). */
    static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can open a directory (Windows): the file's own force is what it has
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
