package ai.atelier.bench;

import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The inputs every benchmark shares: the example profiles, and scratch folders it cleans up. */
final class BenchInputs {
    private BenchInputs() {}

    /**
     * QA as the benchmarks run it: every check but the browser ones (axe-core, the phone-width
     * scroll check, screenshots), which go through one shared headless Chromium per QA agent and so
     * measure Chromium, not Atelier. The ATELIER_BROWSER setting of the machine does not change it.
     */
    static QaAgent qaWithoutBrowser() {
        return QaAgent.create(QualityConfig.defaults().withBrowser(false));
    }

    static List<Profile> profiles() throws IOException {
        ProfileReader reader = new ProfileReader();
        try (Stream<Path> s = Files.list(Path.of("examples/profiles"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(reader::read).toList();
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
