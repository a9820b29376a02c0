package ai.atelier.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaywrightDriverTest {
    @Test
    void driverIsUnpackedOnceAndThenReused(@TempDir Path root) throws Exception {
        String version = PlaywrightDriver.version();
        assertNotNull(version, "Playwright's driver jar is on the classpath");
        Path dir = PlaywrightDriver.cached(root, version);
        assertTrue(dir.getFileName().toString().startsWith("playwright-driver-" + version + "-"));
        assertTrue(Files.isRegularFile(dir.resolve("package/cli.js")));
        Path node = dir.resolve(System.getProperty("os.name").toLowerCase().contains("windows") ? "node.exe" : "node");
        assertTrue(Files.isExecutable(node), node + " is executable");
        var stamp = Files.getLastModifiedTime(node);
        assertEquals(dir, PlaywrightDriver.cached(root, version));
        assertEquals(stamp, Files.getLastModifiedTime(node), "the second start does not unpack again");
        Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("v"), out);
    }
}
