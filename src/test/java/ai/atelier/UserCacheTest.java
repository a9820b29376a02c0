package ai.atelier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCacheTest {
    private static final Predicate<Path> DONE = d -> Files.isRegularFile(d.resolve("done"));

    @Test
    void unpacksOnceAndReusesTheCompleteFolder(@TempDir Path root) throws IOException {
        AtomicInteger unpacks = new AtomicInteger();
        UserCache.Unpacker u = d -> {
            unpacks.incrementAndGet();
            Files.writeString(d.resolve("payload"), "x");
            Files.writeString(d.resolve("done"), "1");
        };
        Path a = UserCache.folder(root, "thing-1.0", DONE, u);
        Path b = UserCache.folder(root, "thing-1.0", DONE, u);
        assertEquals(root.resolve("thing-1.0"), a);
        assertEquals(a, b);
        assertEquals(1, unpacks.get());
        assertEquals("x", Files.readString(a.resolve("payload")));
        try (var s = Files.list(root)) {
            assertEquals(1, s.count(), "no temp folder is left beside the cached one");
        }
    }

    @Test
    void anIncompleteUnpackIsNeverPutInPlace(@TempDir Path root) throws IOException {
        assertThrows(IOException.class, () -> UserCache.folder(root, "thing-1.0", DONE, d -> Files.writeString(d.resolve("payload"), "half")));
        assertFalse(Files.exists(root.resolve("thing-1.0")));
        assertThrows(IOException.class, () -> UserCache.folder(root, "thing-1.0", DONE, d -> { throw new IOException("disk full"); }));
        assertFalse(Files.exists(root.resolve("thing-1.0")));
        try (var s = Files.list(root)) {
            assertEquals(0, s.count(), "failed unpacks leave nothing behind");
        }
    }

    @Test
    void aFolderLeftIncompleteByHandIsNotTrusted(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("thing-1.0"));
        Files.writeString(root.resolve("thing-1.0/payload"), "stale");
        // the folder exists but is not complete: it is replaced by a complete unpack, never used as it is
        Path dir = UserCache.folder(root, "thing-1.0", DONE, d -> Files.writeString(d.resolve("done"), "1"));
        assertTrue(Files.isRegularFile(dir.resolve("done")));
        assertFalse(Files.exists(dir.resolve("payload")));
    }

    @Test
    void namesAreSingleFolders(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class, () -> UserCache.folder(root, "../escape", DONE, d -> { }));
        assertThrows(IllegalArgumentException.class, () -> UserCache.folder(root, "a/b", DONE, d -> { }));
    }

    @Test
    void rootFollowsXdgCacheHomeOrTheHomeFolder() {
        assertEquals(Path.of("/x/cache/atelier"), UserCache.root(Map.of("XDG_CACHE_HOME", "/x/cache")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "atelier"), UserCache.root(Map.of("XDG_CACHE_HOME", "relative")));
        assertTrue(UserCache.root(Map.of()).endsWith(Path.of(".cache", "atelier")));
    }
}
