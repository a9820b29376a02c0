package ai.atelier.model;

/**
 * Tokens one model call consumed. {@code estimated} is true when the count comes from Atelier's own
 * tokenizer (the built-in engine, or a provider that reported no usage) rather than the provider.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens, boolean estimated) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, false);

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                cachedInputTokens + o.cachedInputTokens, estimated || o.estimated);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
