package ai.atelier.model.llama;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the binding unpacks llama.cpp's native library. Left alone it writes {@code libjllama.so}
 * straight into the shared temp folder, where two JVMs overwrite each other's loaded library and
 * a stale copy from an older run can be picked up; so each JVM gets a fresh folder of its own,
 * through the binding's {@code de.kherud.llama.tmpdir} property (a JVM-wide setting by the
 * binding's design, set once and only if the user has not set it).
 */
final class LlamaNative {
    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private LlamaNative() {}

    static synchronized Path prepare() {
        String set = System.getProperty(TMPDIR_PROPERTY);
        if (set != null) return Path.of(set);
        try {
            Path dir = Files.createTempDirectory("atelier-llama-");
            dir.toFile().deleteOnExit();
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for llama.cpp's native library in " + System.getProperty("java.io.tmpdir"), e);
        }
    }
}
