package ai.atelier.reuse;

import ai.atelier.AtelierException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The on-disk, content-addressed store of step outputs that do not depend on who the visitor is
 * (the artist's pictures, retrieval results), shared by every site generated against it: by all
 * tasks of a batch, or by successive {@code atelier generate --reuse-dir DIR} runs. An entry's name
 * is the SHA-256 of everything its output depends on (see {@link #key}), never a path taken from
 * input; entries are written to a temporary file and moved into place, so a reader sees a whole
 * entry or none, and two processes writing the same key both leave a whole one. Entries larger
 * than the bound are neither written nor read. Hits and misses are counted per step for reports.
 */
public final class ReuseStore {
    /** The largest entry stored or read: 8 MiB, well above a 2048 px PNG. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 8L << 20;
    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final Path dir;
    private final long maxEntryBytes;
    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();

    private ReuseStore(Path dir, long maxEntryBytes) {
        this.dir = dir;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** A store in {@code dir} (created if missing), entries up to {@link #DEFAULT_MAX_ENTRY_BYTES}. */
    public static ReuseStore open(Path dir) {
        return open(dir, DEFAULT_MAX_ENTRY_BYTES);
    }

    public static ReuseStore open(Path dir, long maxEntryBytes) {
        if (maxEntryBytes < 1) throw new IllegalArgumentException("maxEntryBytes must be positive");
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new AtelierException("--reuse-dir " + dir + " is a file; give a folder (it is created if missing)", "reuse-dir", null);
        }
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new AtelierException("cannot create the reuse folder " + dir + ": " + e.getMessage(), "reuse-dir", e);
        }
        return new ReuseStore(d, maxEntryBytes);
    }

    public Path dir() {
        return dir;
    }

    /**
     * The key of an output: SHA-256 over the step name and every part it depends on, each part
     * length-prefixed so that ("ab","c") and ("a","bc") differ. A null part counts as absent, which
     * differs from empty.
     */
    public static String key(String step, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, step);
            for (String p : parts) update(md, p);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        if (s == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    /** The stored output of {@code step} under {@code key}, counted as a hit or a miss. */
    public Optional<byte[]> get(String step, String key) {
        Path p = path(step, key);
        byte[] data = null;
        try {
            if (Files.isRegularFile(p) && Files.size(p) <= maxEntryBytes) data = Files.readAllBytes(p);
        } catch (IOException e) {
            data = null; // unreadable: recomputed and rewritten
        }
        counters(step)[data != null ? 0 : 1].incrementAndGet();
        return Optional.ofNullable(data);
    }

    /** Counts a hit that {@link #get} returned but the caller could not use (an unreadable entry) as a miss instead. */
    void unusable(String step) {
        AtomicLong[] c = counters(step);
        c[0].decrementAndGet();
        c[1].incrementAndGet();
    }

    /** Stores {@code data} under {@code key}; entries over the size bound are left out (the output is then recomputed next time). */
    public void put(String step, String key, byte[] data) {
        if (data.length > maxEntryBytes) {
            counters(step)[2].incrementAndGet();
            return;
        }
        Path p = path(step, key);
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".tmp-", ".part");
            try {
                Files.write(tmp, data);
                try {
                    Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the reuse folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path path(String step, String key) {
        if (!STEP.matcher(step).matches()) throw new IllegalArgumentException("bad step name " + step);
        if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("a reuse key is a SHA-256 in hex, got " + key);
        return dir.resolve(step).resolve(key.substring(0, 2)).resolve(key);
    }

    private AtomicLong[] counters(String step) {
        return counts.computeIfAbsent(step, s -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
    }

    /** Hits and misses per step since this store was opened (in this process). */
    public ReuseStats stats() {
        Map<String, ReuseStats.Step> m = new TreeMap<>();
        counts.forEach((step, c) -> m.put(step, new ReuseStats.Step(c[0].get(), c[1].get(), c[2].get())));
        return new ReuseStats(m);
    }
}
