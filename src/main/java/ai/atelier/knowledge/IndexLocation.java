package ai.atelier.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a company's index lives when no {@code --index} is given: {@code <company>/.atelier-index/}
 * beside the knowledge it indexes, so it travels with the folder; when the company folder cannot be
 * written (a read-only mount, another user's folder), a per-user cache folder keyed by the company's
 * absolute path: {@code $XDG_CACHE_HOME/atelier/kb/<name>-<hash>/} (or {@code ~/.cache/...}), built there
 * on first use even if the read-only folder carries an index of its own, which could not be refreshed.
 */
public final class IndexLocation {
    public static final String LOCAL_DIR = ".atelier-index";

    private IndexLocation() {}

    public static Path defaultFor(Path companyDir) {
        Path company = companyDir.toAbsolutePath().normalize();
        Path local = company.resolve(LOCAL_DIR);
        // a read-only folder's own index could not be refreshed when the knowledge changes, so it is not used
        return writable(company) ? local : cacheFor(company);
    }

    /** The cache-folder location for a company, used when its own folder is read-only. */
    public static Path cacheFor(Path companyDir) {
        Path company = companyDir.toAbsolutePath().normalize();
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        String name = company.getFileName() == null ? "company" : ai.atelier.Slug.of(company.getFileName().toString(), ai.atelier.Slug.MAX, "company");
        return base.resolve("atelier").resolve("kb").resolve(name + "-" + sha256(company.toString()).substring(0, 12));
    }

    private static boolean writable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".atelier-probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    static String sha256(String s) {
        try {
            return Facets.bytesToHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
