package ai.atelier.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output folder of one site. Every write goes through {@link #write}, which refuses paths that
 * leave the folder (model output names files too) and writes atomically, so a reader never sees a
 * half-written file.
 */
public final class SiteFolder {
    private static final ObjectMapper JSON = ai.atelier.model.Money.json(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path root;
    private final Set<String> written = new TreeSet<>();

    public SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Resolves a site-relative path, refusing anything outside the folder. */
    public Path resolve(String relative) {
        if (relative == null || relative.isBlank() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new IllegalArgumentException("not a safe site path: " + relative);
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IllegalArgumentException("path leaves the site folder: " + relative);
        return p;
    }

    public void write(String relative, byte[] data) {
        Path target = resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        synchronized (written) {
            written.add(relative);
        }
    }

    public void writeJson(String relative, Object value) {
        try {
            write(relative, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file in the folder, or null when it does not exist. */
    public byte[] read(String relative) {
        Path p = resolve(relative);
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    public <T> T readJson(String relative, Class<T> type) {
        byte[] data = read(relative);
        if (data == null) return null;
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + resolve(relative), e);
        }
    }

    /** Every file written so far, sorted. */
    public List<String> files() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }
}
