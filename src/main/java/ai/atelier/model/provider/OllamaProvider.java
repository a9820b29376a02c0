package ai.atelier.model.provider;

import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import dev.langchain4j.model.ollama.OllamaChatModel;

/**
 * Ollama's native /api/chat (no key). Structured output uses its {@code format} field with the
 * JSON schema. For Ollama's OpenAI-compatible /v1 endpoint, use provider {@code openai} instead.
 */
final class OllamaProvider implements ModelProvider {
    @Override
    public String keyword() {
        return "ollama";
    }

    /** Ollama serves models on the user's own machine, wherever its base URL points. */
    @Override
    public boolean selfHosted(ModelSpec spec) {
        return true;
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials credentials) {
        Lazy<ModelClient> client = new Lazy<>(() -> {
            OllamaChatModel model = OllamaChatModel.builder()
                    .httpClientBuilder(OpenAiProvider.http(spec))
                    .baseUrl(spec.baseUrl() != null ? spec.baseUrl() : "http://localhost:11434")
                    .modelName(spec.modelId())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .build();
            return LangChainChat.forResponseFormat(model, spec);
        });
        return request -> client.get().chat(request);
    }

    @Override
    public String credentialStatus(ModelSpec spec, Credentials credentials) {
        return "no key needed (local server at " + (spec.baseUrl() != null ? spec.baseUrl() : "http://localhost:11434") + ")";
    }
}
