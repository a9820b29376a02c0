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

    /** Whether this model's credentials are present, without revealing them (for {@code atelier models}). */
    String credentialStatus(ModelSpec spec, Credentials credentials);
}
