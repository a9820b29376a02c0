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
 * binding's design, set once and only if the user has not set it). The library is unpacked there
 * by Atelier itself and handed to the binding through {@code de.kherud.llama.lib.path}, because the
 * binding's own unpacking prints "Extracted 'libjllama.so' to …" on standard output, into the
 * user's terminal; Atelier's own note of it goes to the log. If the library cannot be found in the
 * binding's jar the binding unpacks it as before.
 */
final class LlamaNative {
    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";
    static final String LIB_PATH_PROPERTY = "de.kherud.llama.lib.path";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LlamaNative.class);

    private LlamaNative() {}

    static synchronized Path prepare() {
        String set = System.getProperty(TMPDIR_PROPERTY);
        if (set != null) return Path.of(set);
        try {
            Path dir = Files.createTempDirectory("atelier-llama-");
            dir.toFile().deleteOnExit();
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
            if (System.getProperty(LIB_PATH_PROPERTY) == null) unpack(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for llama.cpp's native library in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Copies the binding's native library for this OS into {@code dir} and points the binding at it; quietly leaves it to the binding when not found. */
    private static void unpack(Path dir) {
        String name = System.mapLibraryName("jllama");
        String resource;
        try {
            Class<?> os = Class.forName("de.kherud.llama.OSInfo");
            java.lang.reflect.Method folder = os.getDeclaredMethod("getNativeLibFolderPathForCurrentOS");
            folder.setAccessible(true);
            resource = "/de/kherud/llama/" + folder.invoke(null) + "/" + name;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("llama.cpp native library: cannot name this platform's folder (" + e + "); the binding unpacks it");
            return;
        }
        try (java.io.InputStream in = LlamaNative.class.getResourceAsStream(resource)) {
            if (in == null) return;
            Path lib = dir.resolve(name);
            Files.copy(in, lib);
            lib.toFile().deleteOnExit();
            System.setProperty(LIB_PATH_PROPERTY, dir.toString());
            LOG.info("llama.cpp native library unpacked to " + lib);
        } catch (IOException e) {
            LOG.debug("llama.cpp native library: cannot unpack " + resource + " (" + e.getMessage() + "); the binding unpacks it");
        }
    }
}
