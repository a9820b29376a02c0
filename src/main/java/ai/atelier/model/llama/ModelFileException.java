package ai.atelier.model.llama;

import ai.atelier.AtelierException;

/**
 * A model file Atelier will not hand to llama.cpp: missing, unreadable, not GGUF, or cut short.
 * Raised by the pure-Java header check that runs before any native code touches the file, so a bad
 * path in the config is a one-line error instead of a crashed JVM.
 */
public final class ModelFileException extends AtelierException {
    public ModelFileException(String message) {
        super(message, "model file", null);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, "model file", cause);
    }
}
