package ai.atelier.model.wiring;

import ai.atelier.model.llama.EmbeddedLlamaProvider;
import ai.atelier.model.llama.EmbeddedModels;
import ai.atelier.model.provider.ModelProvider;
import ai.atelier.model.provider.Providers;
import java.util.ArrayList;
import java.util.List;

/**
 * Every provider that ships with Atelier, by config keyword. It lives in the wiring, not in the
 * provider room, because it is the one place that names the in-process llama.cpp provider next to
 * the HTTP ones: the provider room knows no llama, and llama knows the provider room only as the
 * interface it implements. In-process models get a registry of their own that announces each
 * load on stderr (loading a real model takes seconds, so the user is told).
 */
public final class StandardProviders {
    private StandardProviders() {}

    /** A fresh set of the shipped providers (the caller closes it, releasing in-process models). */
    public static Providers standard() {
        List<ModelProvider> all = new ArrayList<>(Providers.remote());
        all.add(new EmbeddedLlamaProvider(new EmbeddedModels(message -> System.err.println(message))));
        return new Providers(all);
    }
}
