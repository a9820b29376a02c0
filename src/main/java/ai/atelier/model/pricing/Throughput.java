package ai.atelier.model.pricing;

/**
 * Tokens processed and time spent by an embedded model over the calls so far, split into the
 * prompt phase (reading the prompt, up to the first generated token) and the generation phase,
 * because the two run at very different speeds and a self-hosted price must charge each its own.
 */
public record Throughput(long calls, long promptTokens, long promptNanos, long generatedTokens, long generationNanos) {
    public static final Throughput NONE = new Throughput(0, 0, 0, 0, 0);

    /** Prompt tokens per second, or 0 when nothing was measured yet. */
    public double promptTokensPerSecond() {
        return promptNanos <= 0 ? 0 : promptTokens * 1e9 / promptNanos;
    }

    /** Generated tokens per second, or 0 when nothing was measured yet. */
    public double generationTokensPerSecond() {
        return generationNanos <= 0 ? 0 : generatedTokens * 1e9 / generationNanos;
    }

    public Throughput plus(long promptTok, long promptNs, long genTok, long genNs) {
        return new Throughput(calls + 1, promptTokens + promptTok, promptNanos + promptNs, generatedTokens + genTok, generationNanos + genNs);
    }
}
