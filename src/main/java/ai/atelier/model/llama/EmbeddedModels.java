package ai.atelier.model.llama;

import ai.atelier.model.LlamaSettings;
import ai.atelier.AtelierException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The embedded models of one Atelier instance: each GGUF file is loaded once and shared by every
 * role bound to it, however many model entries or clients name it. Clients hold a reference; the
 * native memory of a model is released when its last client closes, and {@link #close()} releases
 * whatever is still loaded (the facade calls it on shutdown). Every file passes the pure-Java
 * {@link GgufMetadata} check before llama.cpp sees it.
 */
public final class EmbeddedModels implements AutoCloseable {
    private final Map<Path, Loaded> byFile = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this
    private final Consumer<String> notices;

    /** A registry that loads silently. */
    public EmbeddedModels() {
        this(message -> {});
    }

    /** @param notices told one line per file loaded (what, how big, how long), since loading a real model takes seconds */
    public EmbeddedModels(Consumer<String> notices) {
        this.notices = notices;
    }

    private static final class Loaded {
        final LoadedModel model;
        int refs;

        Loaded(LoadedModel model) {
            this.model = model;
        }
    }

    /**
     * A client for one configured model name, sharing the file's loaded model with every other
     * client of the same file. Loads the file on first use.
     *
     * @throws ModelFileException when the file is missing, not GGUF, truncated, or llama.cpp rejects it
     */
    public EmbeddedLlamaClient client(String modelName, LlamaSettings settings) {
        return new EmbeddedLlamaClient(modelName, settings, acquire(settings), this);
    }

    synchronized LoadedModel acquire(LlamaSettings settings) {
        if (closed) throw new IllegalStateException("embedded models already closed");
        GgufMetadata meta = GgufMetadata.read(settings.modelFile());
        Path key = realPath(settings.modelFile());
        Loaded l = byFile.get(key);
        if (l == null) {
            long start = System.nanoTime();
            l = new Loaded(LoadedModel.load(meta, settings));
            byFile.put(key, l);
            notices.accept("embedded model loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms: "
                    + GgufModelInfo.of(key.getFileName().toString(), meta).summary() + ", shared by every role bound to " + key);
        } else if (!l.model.settings().sameLoad(settings.withModelFile(l.model.settings().modelFile()))) {
            LlamaSettings s = l.model.settings();
            throw new AtelierException("two model entries load " + key + " with different settings (contextSize " + s.contextSize()
                    + "/" + settings.contextSize() + ", threads " + s.threads() + "/" + settings.threads() + ", gpuLayers "
                    + s.gpuLayers() + "/" + settings.gpuLayers() + ", slots " + s.slots() + "/" + settings.slots()
                    + "); a file is loaded once, so give them the same settings or bind the roles to one model entry");
        }
        l.refs++;
        return l.model;
    }

    synchronized void release(LoadedModel model) {
        byFile.entrySet().removeIf(e -> {
            if (e.getValue().model != model) return false;
            if (--e.getValue().refs > 0) return false;
            model.close();
            return true;
        });
    }

    /** How many distinct model files are loaded right now. */
    public synchronized int loadedCount() {
        return byFile.size();
    }

    /** Releases every loaded model's native memory; clients still open fail from now on. */
    @Override
    public void close() {
        List<LoadedModel> models;
        synchronized (this) {
            if (closed) return;
            closed = true;
            models = new ArrayList<>();
            byFile.values().forEach(l -> models.add(l.model));
            byFile.clear();
        }
        models.forEach(LoadedModel::close);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
