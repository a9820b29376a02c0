package ai.atelier.model;

/**
 * The record of one call to a model (or to the built-in engine standing in for one): who asked,
 * which model answered, when, how long, what it consumed and what it cost. {@code costUsd} is null
 * when the model's price is unknown, which is never reported as free.
 */
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
        String status) {}
