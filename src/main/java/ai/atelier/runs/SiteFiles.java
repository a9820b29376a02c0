package ai.atelier.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a file of one generated site from a client-supplied path, and nothing else: no parent
 * segments (plain or already decoded from {@code %2e%2e}), no backslashes, no absolute paths, no
 * control characters, no hidden files, and no symlinks leading out of the site folder. This is the
 * only way the server reaches site files, so the rule lives in one place.
 */
public final class SiteFiles {
    /** Run ids are what {@link RunService} makes: lower-case letters, digits and hyphens. */
    public static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Path sitesDir;

    public SiteFiles(Path sitesDir) {
        this.sitesDir = sitesDir.toAbsolutePath().normalize();
    }

    /** The regular file at {@code relative} inside run {@code runId}'s site, if the path is safe and the file exists. */
    public Optional<Path> resolve(String runId, String relative) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) return Optional.empty();
        String rel = relative == null || relative.isEmpty() ? "index.html" : relative;
        if (rel.endsWith("/")) rel = rel + "index.html";
        if (rel.length() > 512 || rel.startsWith("/") || rel.indexOf('\\') >= 0 || rel.indexOf('%') >= 0) return Optional.empty();
        for (String seg : rel.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches()) return Optional.empty();
        }
        Path root = sitesDir.resolve(runId);
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root)) return Optional.empty();
        try {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(file)) return Optional.empty();
            Path realRoot = root.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || Files.isSymbolicLink(file)) return Optional.empty();
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
