package ai.atelier.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The record of one call to a model (or to the built-in engine standing in for one): who asked,
 * which model answered, when, how long, what it consumed and what it cost. {@code costUsd} is null
 * when the model's price is unknown, which is never reported as free. {@link #tokenSource()} says
 * where its token counts come from, so a report that mixes providers and estimates labels each
 * call. Build one with {@link #builder}; the fields are named there, not by position.
 */
@JsonIgnoreProperties(value = "tokenSource", allowGetters = true)
public record ModelCall(
        String role,
        String model,
        String provider,
        String purpose,
        long startMs,
        long durationMs,
        TokenUsage usage,
        Double costUsd,
        int attempt,
        String status) {

    /** Token counts from the provider's (or the in-process model's own) usage fields. */
    public static final String PROVIDER_USAGE = "provider";
    /** Token counts Atelier made with its own tokenizer: the built-in engine, or a provider that reported none. */
    public static final String ESTIMATED = "estimated";
    /** No tokens: the call failed before an answer, or it is priced per image. */
    public static final String NO_TOKENS = "none";

    /** Where this call's token counts come from: {@value #PROVIDER_USAGE}, {@value #ESTIMATED} or {@value #NO_TOKENS}. */
    @JsonProperty("tokenSource")
    public String tokenSource() {
        if (usage == null) return NO_TOKENS;
        if (usage.estimated()) return ESTIMATED;
        return usage.total() == 0 ? NO_TOKENS : PROVIDER_USAGE;
    }

    /** A call by {@code role} to {@code model} through {@code provider}: attempt 1, status ok, no tokens, free, until told otherwise. */
    public static Builder builder(String role, String model, String provider) {
        return new Builder(role, model, provider);
    }

    /** Names a call's fields one by one (records with ten positional fields are easy to get wrong). */
    public static final class Builder {
        private final String role, model, provider;
        private String purpose;
        private long startMs, durationMs;
        private TokenUsage usage = TokenUsage.NONE;
        private Double costUsd = 0.0;
        private int attempt = 1;
        private String status = "ok";

        private Builder(String role, String model, String provider) {
            this.role = role;
            this.model = model;
            this.provider = provider;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /** When it started and how long it took, in the meter's milliseconds. */
        public Builder timed(long startMs, long durationMs) {
            this.startMs = startMs;
            this.durationMs = durationMs;
            return this;
        }

        public Builder usage(TokenUsage usage) {
            this.usage = usage;
            return this;
        }

        /** Its cost in USD; null when the price is unknown. */
        public Builder costUsd(Double costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        public Builder attempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public ModelCall build() {
            return new ModelCall(role, model, provider, purpose, startMs, durationMs, usage, costUsd, attempt, status);
        }
    }
}
