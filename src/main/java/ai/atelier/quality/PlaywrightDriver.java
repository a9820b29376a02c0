package ai.atelier.quality;

import ai.atelier.UserCache;
import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Playwright's driver (a Node.js binary and its package, about 140 MB) unpacked once per Playwright
 * version into the user's cache folder ({@link UserCache}), instead of into a new temp folder at
 * every browser start. Left to itself, Playwright for Java inflates the driver out of the jar each
 * time a process starts a browser: about 2 s of CPU per {@code atelier generate}, the largest single
 * piece of a cold start with the browser checks on (bench/results-coldstart.md). Playwright is
 * pointed at the folder with its own {@code playwright.cli.dir} setting; should anything fail here,
 * Playwright unpacks into a temp folder as before.
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
            Path root = UserCache.root(System.getenv());
            String version = version();
            if (root == null || version == null) return null;
            Path dir = cached(root, version);
            System.setProperty(PROPERTY, dir.toString());
            return dir;
        } catch (IOException | RuntimeException e) {
            return null; // Playwright extracts into a temp folder, as without this class
        }
    }

    /** The unpacked driver for {@code version} under {@code root}, unpacked now when absent or incomplete. */
    static Path cached(Path root, String version) throws IOException {
        return UserCache.folder(root, "playwright-driver-" + version + "-" + platform(), PlaywrightDriver::complete, dir -> {
            try {
                DriverJar.installDriverTo(dir);
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            Files.writeString(dir.resolve(COMPLETE), version);
        });
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE)) && Files.isRegularFile(dir.resolve(node()))
                && Files.isRegularFile(dir.resolve("package/cli.js"));
    }

    /** The version of the Playwright driver on the classpath, from its Maven metadata (null when absent). */
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
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows") ? "node.exe" : "node";
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        return os + "-" + arch;
    }
}
