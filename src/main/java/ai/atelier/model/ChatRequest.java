package ai.atelier.model;

import java.time.Duration;

/**
 * A chat call: system and user text, an optional JSON schema the answer must follow, a token cap
 * and a time limit. {@code role} and {@code purpose} name who asks and why, for the trace.
 */
public record ChatRequest(String role, String purpose, String system, String user, String jsonSchema,
                          int maxOutputTokens, Duration timeout) {}
