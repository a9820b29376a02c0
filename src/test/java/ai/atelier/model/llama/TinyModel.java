package ai.atelier.model.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds shared/models/tiny-random-llama.gguf: beside the repository (CI clones the repo with a copy
 * of shared/ next to it) or further up (a worktree under /work/wt sees /work/shared).
 */
final class TinyModel {
    static final String RELATIVE = "shared/models/tiny-random-llama.gguf";

    private TinyModel() {}

    static Path path() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path dir = base.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }

    /** The tiny model's path; skips the test, saying why, when the file is absent (it must not be in CI). */
    static Path require() {
        Path p = path();
        Assumptions.assumeTrue(p != null, "tiny test model not found: expected ../" + RELATIVE + " beside the repository (or in a parent folder)");
        return p;
    }

    /** Settings for tests: two slots, two threads, the model's own 2048-token context. */
    static LlamaSettings settings() {
        return LlamaSettings.of(require()).withThreads(2).withSlots(2).withContextSize(0);
    }
}
