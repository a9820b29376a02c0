package ai.atelier.model.provider;

import ai.atelier.AtelierException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The providers this build can reach, by config keyword. OpenAI-compatible servers (vLLM,
 * llama.cpp server, LM Studio, OpenRouter, Ollama's /v1) use {@code openai} with their base URL;
 * {@code llamacpp-embedded} runs a GGUF file inside this process (added by the wiring). Closing releases what providers
 * hold beyond a call (the in-process models' native memory).
 */
public final class Providers implements AutoCloseable {
    private final Map<String, ModelProvider> byKeyword = new LinkedHashMap<>();

    public Providers(List<ModelProvider> providers) {
        providers.forEach(p -> byKeyword.put(p.keyword(), p));
    }

    /**
     * The providers of this room that ship with Atelier (OpenAI-compatible, Anthropic, Ollama,
     * Bedrock signing with the AWS default credential chain). The in-process llama.cpp provider
     * lives in its own room; {@code ai.atelier.model.wiring.StandardProviders} puts them together.
     */
    public static List<ModelProvider> remote() {
        return List.of(new OpenAiProvider(), new AnthropicProvider(), new OllamaProvider(), BedrockProvider.withDefaultChain());
    }

    public Set<String> keywords() {
        return byKeyword.keySet();
    }

    /** Releases every provider that holds resources (in-process models); the first failure is rethrown after all were tried. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (ModelProvider p : byKeyword.values()) {
            if (!(p instanceof AutoCloseable c)) continue;
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        if (first != null) throw first;
    }

    public ModelProvider get(String keyword) {
        ModelProvider p = byKeyword.get(keyword);
        if (p == null) throw new AtelierException("unknown provider \"" + keyword + "\"; use one of " + String.join(", ", byKeyword.keySet()));
        return p;
    }
}
