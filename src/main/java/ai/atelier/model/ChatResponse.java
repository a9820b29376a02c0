package ai.atelier.model;

/** A model's answer with the usage it reported (or an estimate, marked as such) and the model that gave it. */
public record ChatResponse(String text, TokenUsage usage, String model, String finishReason) {}
