package ai.atelier.quality;

import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Playwright's driver (a Node.js binary and its package, about 140 MB) unpacked once per Playwright
 * version into the user's cache folder, instead of into a new temp folder at every browser start.
 * Left to itself, Playwright for Java inflates the driver out of the jar each time a process starts a
 * browser: about 2 s of CPU per {@code atelier generate}, the largest single piece of a cold start
 * with the browser checks on (bench/results-coldstart.md). Unpacking goes to a sibling temp folder
 * that is renamed into place only when complete, so a killed process or two processes at once never
 * leave a half driver in use; Playwright is pointed at the folder with its own
 * {@code playwright.cli.dir} setting. Should anything fail here, Playwright unpacks as before.
 */
final class PlaywrightDriver {
    static final String PROPERTY = "playwright.cli.dir";
    private static final String COMPLETE = ".atelier-complete";

    private PlaywrightDriver() {}

    /**
     * Points Playwright at the cached driver (unpacking it first if needed), unless the user already set
     * {@code playwright.cli.dir}. Returns the folder used, or null when Playwright unpacks on its own.
     */
    static synchronized Path useCached() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) return Path.of(set);
        try {
            Path dir = cached(cacheRoot(System.getenv()), version());
            if (dir == null) return null;
            System.setProperty(PROPERTY, dir.toString());
            return dir;
        } catch (IOException | RuntimeException e) {
            return null; // Playwright extracts into a temp folder, as without this class
        }
    }

    /** The unpacked driver for {@code version} under {@code root}, unpacked now when absent; null when unknown. */
    static Path cached(Path root, String version) throws IOException {
        if (root == null || version == null) return null;
        Path dir = root.resolve("playwright-driver-" + version + "-" + platform());
        if (complete(dir)) return dir;
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".playwright-driver-");
        try {
            DriverJar.installDriverTo(tmp);
            if (!Files.isRegularFile(tmp.resolve(node())) || !Files.isRegularFile(tmp.resolve("package/cli.js"))) {
                throw new IOException("the Playwright driver unpacked without " + node() + " or package/cli.js");
            }
            Files.writeString(tmp.resolve(COMPLETE), version);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                if (!complete(dir)) throw e; // another process got there first: use theirs
            }
            return dir;
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        } finally {
            delete(tmp);
        }
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE)) && Files.isRegularFile(dir.resolve(node()))
                && Files.isRegularFile(dir.resolve("package/cli.js"));
    }

    /** $XDG_CACHE_HOME/atelier, else ~/.cache/atelier (user.home: tests give each run a fresh one). */
    static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "atelier");
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "atelier");
    }

    /** The version of the Playwright driver on the classpath, from its Maven metadata. */
    static String version() throws IOException {
        try (InputStream in = DriverJar.class.getResourceAsStream("/META-INF/maven/com.microsoft.playwright/driver/pom.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || !v.matches("[0-9A-Za-z.\\-]+") ? null : v;
        }
    }

    private static String node() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("windows") ? "node.exe" : "node";
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        return os + "-" + arch;
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
