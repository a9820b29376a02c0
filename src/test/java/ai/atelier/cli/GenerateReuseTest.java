package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --reuse-dir}: a second visitor of the same segment takes pictures from the store
 * the first one filled, while their page is still written for them; rerunning the first visitor
 * reuses every picture and every retrieval.
 */
class GenerateReuseTest {
    private static final Pattern ARTIST = Pattern.compile("reuse: artist (\\d+) hits? / (\\d+) miss(?:es)? \\(\\d+%\\), retrieval (\\d+) hits? / (\\d+) miss");

    private static long[] counts(String out) {
        Matcher m = ARTIST.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    @Test
    void anotherVisitorOfTheSegmentReusesPicturesAndKeepsTheirOwnPage(@TempDir Path tmp) throws Exception {
        Path reuse = tmp.resolve("reuse");
        Path priya = tmp.resolve("priya"), tomas = tmp.resolve("tomas"), again = tmp.resolve("again");
        var first = GenerateCommandTest.run(priya, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--no-browser", "--out", priya.toString(), "--reuse-dir", reuse.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        long[] a = counts(first.out());
        assertThat(a[0]).isZero(); // an empty store: everything drawn
        assertThat(a[1]).isPositive();

        var second = GenerateCommandTest.run(tomas, "generate", "--profile", "examples/profiles/manufacturing-tomas-lindqvist.json",
                "--no-browser", "--out", tomas.toString(), "--reuse-dir", reuse.toString());
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        long[] b = counts(second.out());
        assertThat(b[0]).as("pictures reused from the first visitor").isPositive();
        String page = Files.readString(tomas.resolve("index.html"));
        assertThat(page).contains("Tomas").contains("Vattern Moulding").doesNotContain("Priya").doesNotContain("Raman Precision");

        var rerun = GenerateCommandTest.run(again, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--no-browser", "--out", again.toString(), "--reuse-dir", reuse.toString());
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        long[] c = counts(rerun.out());
        assertThat(c[1]).as("the same visitor again: no picture drawn").isZero();
        assertThat(c[3]).as("the same visitor again: no retrieval run").isZero();
        try (var files = Files.list(priya.resolve("assets"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(again.resolve("assets").resolve(f.getFileName().toString()))).isEqualTo(Files.readAllBytes(f));
            }
        }
        assertThat(reuse.resolve("artist")).isDirectory();
        assertThat(reuse.resolve("retrieval")).isDirectory();
    }

    @Test
    void withoutTheOptionNothingIsReusedOrSaid(@TempDir Path tmp) {
        Path dir = tmp.resolve("site");
        var r = GenerateCommandTest.run(dir, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json",
                "--no-browser", "--out", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("reuse:");
    }
}
