package ai.atelier.model;

/**
 * Tokens one model call consumed. {@code inputTokens} counts every prompt token, including those
 * read from the provider's prompt cache ({@code cachedInputTokens}) and those written to it
 * ({@code cacheWriteInputTokens}), so the fresh input is what is left; each part is priced at its
 * own rate by {@link CostCalculator}. {@code estimated} is true when the count comes from Atelier's
 * own tokenizer (the built-in engine, or a provider that reported no usage) rather than the provider.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens, long cacheWriteInputTokens, boolean estimated) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, false);

    /** A usage with no cache writes (every provider but Anthropic's and Bedrock's caching models). */
    public TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens, boolean estimated) {
        this(inputTokens, outputTokens, cachedInputTokens, 0, estimated);
    }

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                cachedInputTokens + o.cachedInputTokens, cacheWriteInputTokens + o.cacheWriteInputTokens, estimated || o.estimated);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
