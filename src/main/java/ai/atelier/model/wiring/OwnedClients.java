package ai.atelier.model.wiring;

import ai.atelier.model.ConcurrencyLimit;
import ai.atelier.model.ContextWindows;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.ResponseCache;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one configuration owns per model, made on first use and then shared by every step, site
 * and promoted view of that configuration: the provider's chat and image clients, the model's one
 * concurrency limit (so a model configured with {@code concurrency: 1} never sees two calls at
 * once, whichever path they came by), its response cache, and the context-window lookups.
 */
final class OwnedClients implements AutoCloseable {
    private final Providers providers;
    private final Credentials credentials;
    private final Map<String, ModelClient> chat = new ConcurrentHashMap<>();
    private final Map<String, ImageClient> images = new ConcurrentHashMap<>();
    private final Map<String, ConcurrencyLimit> limits = new ConcurrentHashMap<>();
    private final Map<String, ResponseCache> caches = new ConcurrentHashMap<>();
    private final ContextWindows windows = new ContextWindows();

    OwnedClients(Providers providers, Credentials credentials) {
        this.providers = providers;
        this.credentials = credentials;
    }

    Providers providers() {
        return providers;
    }

    ModelClient chat(ModelSpec m) {
        return chat.computeIfAbsent(m.name(), n -> providers.get(m.provider()).chat(m, credentials));
    }

    ImageClient images(ModelSpec m) {
        return images.computeIfAbsent(m.name(), n -> providers.get(m.provider()).images(m, credentials));
    }

    ConcurrencyLimit limit(ModelSpec m) {
        return limits.computeIfAbsent(m.name(), n -> new ConcurrencyLimit(n, m.concurrency(), m.timeout().plus(m.timeout())));
    }

    ResponseCache cache(ModelSpec m) {
        return caches.computeIfAbsent(m.name(), ResponseCache::new);
    }

    ContextWindows windows() {
        return windows;
    }

    boolean selfHosted(ModelSpec m) {
        return providers.get(m.provider()).selfHosted(m);
    }

    /** Releases what the providers hold (in-process models' native memory). */
    @Override
    public void close() {
        providers.close();
    }
}
