package ai.atelier.quality;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A deliberately broken page: a real generated site with one defect written into it, described in
 * src/test/resources/broken/NAME.yaml (regex edits of the site's files), and the one check that
 * must catch it. A few defects are legitimately seen by a second check too (the W3C checker also
 * reports skipped heading levels); the fixture names it in alsoCaughtBy, or in alsoInBrowser for
 * a browser check, so "caught only by its check" stays an exact assertion.
 */
record BrokenPage(String name, String description, String expect, List<String> alsoCaughtBy, List<String> alsoInBrowser, boolean browserOnly,
                  List<Edit> edits) {
    static final List<String> NAMES = List.of("low-contrast", "missing-alt", "two-h1", "banned-phrase-other-case", "missing-disclaimer",
            "external-script", "external-font", "foreign-link", "invalid-html", "missing-section", "horizontal-scroll",
            // beyond the list: one per remaining check
            "offering-for-another-industry", "skipped-heading-level", "unnamed-link", "no-lang", "unlabelled-field", "no-main-landmark",
            "wrong-call-to-action", "external-stylesheet-import", "external-image", "invalid-css");

    BrokenPage {
        alsoCaughtBy = alsoCaughtBy == null ? List.of() : List.copyOf(alsoCaughtBy);
        alsoInBrowser = alsoInBrowser == null ? List.of() : List.copyOf(alsoInBrowser);
        edits = List.copyOf(edits);
    }

    record Edit(String file, String find, String replace) {}

    static BrokenPage load(String name) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = BrokenPage.class.getResourceAsStream("/broken/" + name + ".yaml")) {
            var tree = yaml.readTree(in);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("name", name);
            return yaml.treeToValue(tree, BrokenPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the good site to {@code target} and writes this page's defect into the copy. */
    Path applyTo(Path goodSite, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(goodSite)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(goodSite.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        for (Edit e : edits) {
            Path f = target.resolve(e.file());
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile(e.find(), Pattern.MULTILINE).matcher(text);
            if (!m.find()) throw new AssertionError(name + ": pattern " + e.find() + " not found in " + e.file() + " (did the design system change?)");
            Files.writeString(f, m.replaceFirst(e.replace()), StandardCharsets.UTF_8);
        }
        return target;
    }
}
