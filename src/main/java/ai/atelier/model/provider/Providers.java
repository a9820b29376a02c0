package ai.atelier.model.provider;

import ai.atelier.AtelierException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The providers this build can reach, by config keyword. OpenAI-compatible servers (vLLM,
 * llama.cpp server, LM Studio, OpenRouter, Ollama's /v1) use {@code openai} with their base URL.
 */
public final class Providers {
    private final Map<String, ModelProvider> byKeyword = new LinkedHashMap<>();

    public Providers(List<ModelProvider> providers) {
        providers.forEach(p -> byKeyword.put(p.keyword(), p));
    }

    /** Every provider that ships with Atelier; Bedrock signs with the AWS default credential chain. */
    public static Providers standard() {
        return new Providers(List.of(new OpenAiProvider(), new AnthropicProvider(), new OllamaProvider(), BedrockProvider.withDefaultChain()));
    }

    public Set<String> keywords() {
        return byKeyword.keySet();
    }

    public ModelProvider get(String keyword) {
        ModelProvider p = byKeyword.get(keyword);
        if (p == null) throw new AtelierException("unknown provider \"" + keyword + "\"; use one of " + String.join(", ", byKeyword.keySet()));
        return p;
    }
}
