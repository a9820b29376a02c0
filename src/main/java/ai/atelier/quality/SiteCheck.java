package ai.atelier.quality;

import ai.atelier.AtelierException;
import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.WebsiteSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * QA of any page folder, not only one Atelier just generated: a hand-edited page, or another
 * generator's. The same checks and report as {@code generate}; the spec is read from the folder's
 * spec.json when it has a usable one (Atelier's own folders), else the checks that compare the
 * page with its spec work from the page alone. The report is written to quality.json in the folder.
 * {@link #inline} checks page files sent over the network in a private temporary folder, so a
 * network client never names a path on this machine.
 */
public final class SiteCheck {
    /** Most files an inline check accepts, and their total size. */
    public static final int MAX_FILES = 64;
    public static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}(/[A-Za-z0-9][A-Za-z0-9._-]{0,80})?");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SiteCheck() {}

    /** The report and where it was written (null for an inline check). */
    public record Outcome(QualityReport report, Path reportFile) {}

    /** Checks the page folder {@code dir} for {@code profile}; bad input (no folder, no index.html) is one line, nothing written. */
    public static Outcome folder(Path dir, Profile profile, Company company, QaAgent qa) {
        if (!Files.isDirectory(dir)) throw new AtelierException("site folder not found: " + dir + " (give the folder that holds index.html)", "site", null);
        if (!Files.isRegularFile(dir.resolve("index.html"))) throw new AtelierException("no index.html in " + dir + "; give the folder of one page", "site", null);
        QualityReport report = review(dir, profile, company, qa);
        Path out = dir.resolve("quality.json");
        try {
            Files.write(out, JSON.writeValueAsBytes(report));
        } catch (IOException e) {
            throw new AtelierException("cannot write " + out + ": " + e.getMessage(), "site", e);
        }
        return new Outcome(report, out);
    }

    /**
     * Checks page files given inline (name → bytes: index.html, styles.css, assets/…): names must be
     * plain relative paths at most one folder deep, at most {@link #MAX_FILES} files and
     * {@link #MAX_TOTAL_BYTES} in all. They are written to a fresh temporary folder, checked, and deleted.
     */
    public static QualityReport inline(Map<String, byte[]> files, Profile profile, Company company, QaAgent qa) {
        if (!files.containsKey("index.html")) throw new AtelierException("the page files must include index.html", "files", null);
        if (files.size() > MAX_FILES) throw new AtelierException("at most " + MAX_FILES + " page files may be checked at once, got " + files.size(), "files", null);
        long total = 0;
        for (var e : files.entrySet()) {
            if (!SAFE_NAME.matcher(e.getKey()).matches() || e.getKey().contains("..")) {
                throw new AtelierException("page file name \"" + Text.clip(e.getKey(), 60) + "\" is not allowed: use names like index.html, styles.css or assets/hero.svg", "files", null);
            }
            total += e.getValue().length;
        }
        if (total > MAX_TOTAL_BYTES) throw new AtelierException("the page files come to " + total / 1024 + " KiB; at most " + MAX_TOTAL_BYTES / 1024 + " KiB may be checked", "files", null);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("atelier-check-");
            for (var e : files.entrySet()) {
                Path p = dir.resolve(e.getKey()).normalize();
                if (!p.startsWith(dir)) throw new AtelierException("page file name \"" + e.getKey() + "\" leaves the page folder", "files", null);
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            return review(dir, profile, company, qa);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static QualityReport review(Path dir, Profile profile, Company company, QaAgent qa) {
        return qa.review(SiteUnderTest.of(dir, spec(dir), profile, company));
    }

    /** The folder's spec.json when it is one Atelier can read; null otherwise (a page from elsewhere). */
    static WebsiteSpec spec(Path dir) {
        Path f = dir.resolve("spec.json");
        if (!Files.isRegularFile(f)) return null;
        try {
            return new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(f.toFile(), WebsiteSpec.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The summary lines {@code check} and {@code generate} print: score and gate, what was left out, sub-scores, each failure. */
    public static List<String> summary(QualityReport q) {
        List<String> lines = new ArrayList<>();
        lines.add("Quality: " + q.summary() + ", " + (q.passed() ? "passed" : "FAILED"));
        if (!q.subscores().isEmpty()) {
            StringBuilder s = new StringBuilder("  sub-scores:");
            q.subscores().forEach(x -> s.append(' ').append(x.name()).append(' ').append(x.score() == null ? "n/a" : x.score())
                    .append(x.passed() ? "" : " (below " + (int) x.threshold() + ")"));
            lines.add(s.toString());
        }
        for (CheckResult c : q.checks()) {
            if (!c.passed()) lines.add("  " + c.status() + " " + c.name() + " [" + c.severity() + "]: " + c.details()
                    + (c.locations().isEmpty() ? "" : " at " + String.join("; ", c.locations().stream().limit(3).toList())));
        }
        return lines;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
