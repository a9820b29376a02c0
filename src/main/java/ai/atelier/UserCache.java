package ai.atelier;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The user's cache folder for things Atelier would otherwise unpack out of its jar at every start
 * (Playwright's driver, the embedding model's file, ONNX Runtime's native library): each is unpacked
 * once, keyed by its version, into {@code $XDG_CACHE_HOME/atelier} or {@code ~/.cache/atelier}. A
 * folder is unpacked into a temp sibling and renamed into place only when complete, so a process
 * killed half-way or two processes at once never leave a half copy in use. Deleting the folder is
 * always safe: the next start unpacks again. Tests give each run a fresh home, so nothing cached here
 * can hide a missing install step.
 */
public final class UserCache {
    /** Writes a folder's content into the (empty) folder it is given. */
    public interface Unpacker {
        void into(Path dir) throws IOException;
    }

    private UserCache() {}

    /** $XDG_CACHE_HOME/atelier when that is an absolute path, else ~/.cache/atelier; null without a home. */
    public static Path root(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "atelier");
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "atelier");
    }

    /** {@link #folder(Path, String, Predicate, Unpacker)} under {@link #root} of this process's environment. */
    public static Path folder(String name, Predicate<Path> complete, Unpacker unpacker) throws IOException {
        Path root = root(System.getenv());
        if (root == null) throw new IOException("no home folder for a cache");
        return folder(root, name, complete, unpacker);
    }

    /**
     * The folder {@code name} under {@code root}, unpacked by {@code unpacker} first unless
     * {@code complete} already holds for it. {@code name} must be a plain folder name (it carries the
     * version of what it holds). Throws when unpacking fails or leaves it incomplete.
     */
    public static Path folder(Path root, String name, Predicate<Path> complete, Unpacker unpacker) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._\\-]*")) throw new IllegalArgumentException("not a plain folder name: " + name);
        Path dir = root.resolve(name);
        if (complete.test(dir)) return dir;
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, "." + name + "-");
        try {
            unpacker.into(tmp);
            if (!complete.test(tmp)) throw new IOException("unpacking " + name + " left it incomplete");
            if (Files.exists(dir) && !complete.test(dir)) delete(dir); // a copy left half-made by hand or an old version: replaced
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
                if (!complete.test(dir)) throw e; // another process got there first: theirs is used
            }
            return dir;
        } finally {
            delete(tmp);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder in the cache is harmless
        }
    }
}
