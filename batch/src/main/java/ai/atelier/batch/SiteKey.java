package ai.atelier.batch;

import ai.atelier.AtelierException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content hash that makes each site an idempotent task: SHA-256 over the visitor (canonical
 * JSON), the company folder's version (every file's path and bytes, its knowledge index left out),
 * the workflow as loaded, the model bindings and Atelier's version. The same inputs give the same
 * key, so a rerun or a retried Spark task finds the folder a finished (or interrupted) run left;
 * changing any input gives a new key and a new site.
 */
final class SiteKey {
    private SiteKey() {}

    static String of(String canonicalProfile, String companyVersion, String workflow, String bindings, String atelierVersion) {
        MessageDigest d = sha256();
        for (String part : List.of(canonicalProfile, companyVersion, workflow, bindings, atelierVersion)) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            d.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
            d.update((byte) ':');
            d.update(b);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The company folder's version: a hash of every file under it (path and content), the index and hidden files left out. */
    static String companyVersion(Path dir) {
        MessageDigest d = sha256();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> !hidden(dir.relativize(f))).sorted().toList()) {
                d.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Files.readAllBytes(f));
                d.update((byte) 0);
            }
        } catch (IOException e) {
            throw new AtelierException("cannot read the company folder " + dir + ": " + e.getMessage(), "company", e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
