package ai.atelier.model.llama;

import ai.atelier.model.pricing.Throughput;
import ai.atelier.model.pricing.SelfHostedPrice;
import ai.atelier.model.pricing.MeasuredPrice;
import ai.atelier.model.LlamaSettings;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.ModelProvider;

/**
 * The {@code llamacpp-embedded} provider: a GGUF file run inside this process by llama.cpp, no
 * server and no key. It holds the instance's one {@link EmbeddedModels}, so every model entry that
 * names the same file shares one load, and closing the provider (the facade does, on shutdown)
 * frees their native memory. A model is loaded on its first call, not when the config is read, so
 * listing models or running other roles costs nothing. Engine failures become {@link ModelException}s
 * the shared interceptors understand; the price follows the throughput measured so far.
 */
public final class EmbeddedLlamaProvider implements ModelProvider, AutoCloseable {
    private final EmbeddedModels models;

    /** @param models the registry this provider owns and closes */
    public EmbeddedLlamaProvider(EmbeddedModels models) {
        this.models = models;
    }

    @Override
    public String keyword() {
        return LlamaSettings.PROVIDER;
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials credentials) {
        return new Client(spec.name(), settings(spec));
    }

    /** In-process: always on the user's own machine. */
    @Override
    public boolean selfHosted(ModelSpec spec) {
        return true;
    }

    @Override
    public String credentialStatus(ModelSpec spec, Credentials credentials) {
        return "no key needed (in-process: " + GgufModelInfo.read(spec.name(), settings(spec).modelFile()).summary() + ")";
    }

    /** How many distinct model files are loaded right now (shared loads count once). */
    public int loadedCount() {
        return models.loadedCount();
    }

    @Override
    public void close() {
        models.close();
    }

    private static LlamaSettings settings(ModelSpec spec) {
        if (spec.embedded() != null) return spec.embedded();
        throw new ModelException(ModelException.Kind.CONFIG, "model " + spec.name() + " has no in-process settings; give it provider: "
                + LlamaSettings.PROVIDER + " and model: path/to/file.gguf in the config");
    }

    /** One model entry: loads (or joins) its file on the first call; later calls reuse it. */
    private final class Client implements ModelClient, MeasuredPrice {
        private final String name;
        private final LlamaSettings settings;
        private EmbeddedLlamaClient client; // guarded by this

        Client(String name, LlamaSettings settings) {
            this.name = name;
            this.settings = settings;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            EmbeddedLlamaClient c = loaded();
            try {
                return c.chat(request);
            } catch (LlamaCallException e) {
                throw translate(e);
            } catch (IllegalStateException e) { // the registry was closed under a running step (shutdown)
                throw new ModelException(ModelException.Kind.CONFIG, "model " + name + " is no longer loaded: " + e.getMessage());
            }
        }

        @Override
        public synchronized CatalogEntry catalogEntry() {
            if (client != null) return client.catalogEntry();
            // not loaded yet: priced from the header alone, with nothing measured
            GgufMetadata meta = GgufMetadata.read(settings.modelFile());
            return SelfHostedPrice.entry(name, meta.file().getFileName().toString(), settings.machineCostPerHour(),
                    LoadedModel.effectiveContext(meta, settings) / settings.slots(), Throughput.NONE);
        }

        private synchronized EmbeddedLlamaClient loaded() {
            if (client == null) {
                try {
                    client = models.client(name, settings);
                } catch (IllegalStateException | ai.atelier.AtelierException e) { // a bad file (ModelFileException), clashing settings, or closed
                    throw new ModelException(ModelException.Kind.CONFIG, "model " + name + ": " + e.getMessage(), 0, null, e);
                }
            }
            return client;
        }

        private ModelException translate(LlamaCallException e) {
            ModelException.Kind kind = switch (e.reason()) {
                case TIMEOUT, INTERRUPTED -> ModelException.Kind.TIMEOUT;
                case ENGINE -> ModelException.Kind.SERVER_ERROR;
                case PROMPT_TOO_LONG, BAD_SCHEMA -> ModelException.Kind.BAD_REQUEST;
            };
            return new ModelException(kind, "model " + name + " (in-process): " + e.getMessage(), 0, null, e);
        }
    }
}
