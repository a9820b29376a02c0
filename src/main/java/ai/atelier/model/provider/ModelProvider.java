package ai.atelier.model.provider;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;

/**
 * A family of model endpoints reachable one way (OpenAI-compatible, Anthropic, Bedrock, Ollama…):
 * it turns a configured {@link ModelSpec} into a client. Adding a provider is one class that
 * implements this, plus its keyword in {@link Providers}; the interceptors around it are shared.
 */
public interface ModelProvider {
    /** The {@code provider:} keyword in the config. */
    String keyword();

    ModelClient chat(ModelSpec spec, Credentials credentials);

    default ImageClient images(ModelSpec spec, Credentials credentials) {
        throw new ModelException(ModelException.Kind.CONFIG, "provider " + keyword() + " has no image models; bind the artist to an openai or bedrock image model");
    }

    /**
     * Whether this model runs on the user's own machines (nobody bills it per token): by default
     * when its base URL points at this machine or the local network; a provider that only ever
     * serves local models (Ollama, in-process llama.cpp) says so for every model. Pricing counts
     * an unpriced self-hosted model as free, marked self-hosted, instead of unknown.
     */
    default boolean selfHosted(ModelSpec spec) {
        return onLocalNetwork(spec.baseUrl());
    }

    /** Whether {@code baseUrl} names this machine or a private-network host (null: no). */
    static boolean onLocalNetwork(String baseUrl) {
        if (baseUrl == null) return false;
        String host;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("192.168.") || host.startsWith("10.") || host.endsWith(".local"));
    }

    /** Whether this model's credentials are present, without revealing them (for {@code atelier models}). */
    String credentialStatus(ModelSpec spec, Credentials credentials);
}
