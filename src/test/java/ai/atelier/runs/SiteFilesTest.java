package ai.atelier.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFilesTest {
    @TempDir
    Path sites;
    SiteFiles files;

    @BeforeEach
    void site() throws Exception {
        Files.createDirectories(sites.resolve("run-a/assets"));
        Files.writeString(sites.resolve("run-a/index.html"), "<h1>a</h1>");
        Files.writeString(sites.resolve("run-a/assets/hero.svg"), "<svg/>");
        Files.writeString(sites.resolve("run-a/.secret"), "hidden");
        Files.createDirectories(sites.resolve("run-b"));
        Files.writeString(sites.resolve("run-b/index.html"), "<h1>b</h1>");
        Files.writeString(sites.resolve("database.db"), "rows");
        files = new SiteFiles(sites);
    }

    @Test
    void findsFilesOfTheSite() {
        assertThat(files.resolve("run-a", "")).hasValueSatisfying(p -> assertThat(p.getFileName().toString()).isEqualTo("index.html"));
        assertThat(files.resolve("run-a", "assets/hero.svg")).isPresent();
        assertThat(files.resolve("run-a", "assets/")).isEmpty();
        assertThat(files.resolve("run-a", "missing.css")).isEmpty();
    }

    @Test
    void refusesEveryWayOut() throws Exception {
        for (String bad : new String[] {"../run-b/index.html", "assets/../../database.db", "..", ".", "./index.html", "/etc/passwd",
                "assets\\..\\..\\database.db", "%2e%2e/database.db", "assets//hero.svg", ".secret", "index.html\u0000.css",
                "assets/hero.svg/..", "a".repeat(600)}) {
            assertThat(files.resolve("run-a", bad)).as(bad).isEmpty();
        }
        assertThat(files.resolve("../run-b", "index.html")).isEmpty();
        assertThat(files.resolve("RUN-A", "index.html")).isEmpty();
        assertThat(files.resolve("run-a/../run-b", "index.html")).isEmpty();
    }

    @Test
    void refusesSymlinksLeadingOutOfTheSite() throws Exception {
        Files.createSymbolicLink(sites.resolve("run-a/leak.html"), sites.resolve("run-b/index.html"));
        Files.createSymbolicLink(sites.resolve("run-a/up"), sites);
        Files.createSymbolicLink(sites.resolve("run-c"), sites.resolve("run-b"));
        assertThat(files.resolve("run-a", "leak.html")).isEmpty();
        assertThat(files.resolve("run-a", "up/database.db")).isEmpty();
        assertThat(files.resolve("run-c", "index.html")).isEmpty();
    }
}
