package ai.atelier.model;

import java.time.Duration;

/**
 * One model the configuration names: which provider serves it, the provider's model id, where
 * (base URL, or AWS region), which environment variable holds its key (the NAME of the variable,
 * never the key), the catalog entry that prices it, and how to call it (time limit, retries,
 * concurrent calls, structured-output mode, image size and quality for image models).
 * {@code embedded} holds how an in-process GGUF model is loaded and sampled (provider
 * {@code llamacpp-embedded} only; null for every other provider). {@code contextWindow} is the
 * config's override of the model's context size in tokens (null: the catalog's, or the server's).
 */
public record ModelSpec(
        String name,
        String provider,
        String modelId,
        String baseUrl,
        String apiKeyEnv,
        String region,
        String catalog,
        Duration timeout,
        int maxRetries,
        int concurrency,
        StructuredOutput structuredOutput,
        int maxOutputTokens,
        String imageSize,
        String imageQuality,
        LlamaSettings embedded,
        Integer contextWindow,
        Integer maxResponseBytes) {

    /** Without a response-size override: {@link #DEFAULT_MAX_RESPONSE_BYTES} applies. */
    public ModelSpec(String name, String provider, String modelId, String baseUrl, String apiKeyEnv, String region, String catalog,
                     Duration timeout, int maxRetries, int concurrency, StructuredOutput structuredOutput, int maxOutputTokens,
                     String imageSize, String imageQuality, LlamaSettings embedded, Integer contextWindow) {
        this(name, provider, modelId, baseUrl, apiKeyEnv, region, catalog, timeout, maxRetries, concurrency, structuredOutput,
                maxOutputTokens, imageSize, imageQuality, embedded, contextWindow, null);
    }

    /** Without a context-window override: the catalog's, or the server's own (llama.cpp's /props), applies. */
    public ModelSpec(String name, String provider, String modelId, String baseUrl, String apiKeyEnv, String region, String catalog,
                     Duration timeout, int maxRetries, int concurrency, StructuredOutput structuredOutput, int maxOutputTokens,
                     String imageSize, String imageQuality, LlamaSettings embedded) {
        this(name, provider, modelId, baseUrl, apiKeyEnv, region, catalog, timeout, maxRetries, concurrency, structuredOutput,
                maxOutputTokens, imageSize, imageQuality, embedded, null);
    }

    /** A model served by a remote or local API (no in-process settings). */
    public ModelSpec(String name, String provider, String modelId, String baseUrl, String apiKeyEnv, String region, String catalog,
                     Duration timeout, int maxRetries, int concurrency, StructuredOutput structuredOutput, int maxOutputTokens,
                     String imageSize, String imageQuality) {
        this(name, provider, modelId, baseUrl, apiKeyEnv, region, catalog, timeout, maxRetries, concurrency, structuredOutput,
                maxOutputTokens, imageSize, imageQuality, null);
    }

    /** How the model is asked for JSON: the provider's native mechanism, or only the prompt (for servers without one). */
    public enum StructuredOutput { NATIVE, PROMPT }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    /**
     * The largest answer read from a model's server: 16 MiB holds any chat answer and an HD image
     * sent as base64, and stops a broken or hostile server from filling memory.
     */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** The most bytes of one response this model's client reads before it gives up (not retried). */
    public int responseLimit() {
        return maxResponseBytes != null ? maxResponseBytes : DEFAULT_MAX_RESPONSE_BYTES;
    }

    /** The catalog entry name that prices this model (defaults to the model's own name). */
    public String catalogName() {
        return catalog != null ? catalog : name;
    }
}
