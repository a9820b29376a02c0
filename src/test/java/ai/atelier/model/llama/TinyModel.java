package ai.atelier.model.llama;

import ai.atelier.model.LlamaSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny random-weights GGUF model the embedded-model tests load. It is kept in the repository
 * (src/test/resources/models, 5.4 MB) so that a fresh clone runs every such test with no file from
 * outside the repository.
 */
public final class TinyModel {
    static final String RELATIVE = "src/test/resources/models/tiny-random-llama.gguf";

    private TinyModel() {}

    /** The model file in this checkout (Maven sets {@code basedir}; else the working directory). */
    public static Path path() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path candidate = base.resolve(RELATIVE);
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    /** The tiny model's path; fails the test when the file is missing (it is part of the repository). */
    public static Path require() {
        Path p = path();
        if (p == null) throw new IllegalStateException("tiny test model missing from the checkout: " + RELATIVE);
        return p;
    }

    /** Settings for tests: two slots, two threads, the model's own 2048-token context. */
    static LlamaSettings settings() {
        return LlamaSettings.of(require()).withThreads(2).withSlots(2).withContextSize(0);
    }
}
