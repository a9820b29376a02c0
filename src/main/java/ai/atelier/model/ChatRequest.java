package ai.atelier.model;

import java.time.Duration;

/**
 * A chat call: system and user text, an optional JSON schema the answer must follow, a token cap
 * and a time limit. {@code role} and {@code purpose} name who asks and why, for the trace;
 * {@code attempt} numbers the structured-output rounds (1 first answer, 2 repair, 3+ escalation)
 * so that every round shows up in the trace as its own call.
 */
public record ChatRequest(String role, String purpose, String system, String user, String jsonSchema,
                          int maxOutputTokens, Duration timeout, int attempt) {

    public ChatRequest {
        if (attempt < 1) attempt = 1;
    }

    /** A first-attempt request (the original seven-field form). */
    public ChatRequest(String role, String purpose, String system, String user, String jsonSchema,
                       int maxOutputTokens, Duration timeout) {
        this(role, purpose, system, user, jsonSchema, maxOutputTokens, timeout, 1);
    }

    public ChatRequest withAttempt(int n) {
        return new ChatRequest(role, purpose, system, user, jsonSchema, maxOutputTokens, timeout, n);
    }

    public ChatRequest withUser(String text) {
        return new ChatRequest(role, purpose, system, text, jsonSchema, maxOutputTokens, timeout, attempt);
    }

    public ChatRequest withPurpose(String p) {
        return new ChatRequest(role, p, system, user, jsonSchema, maxOutputTokens, timeout, attempt);
    }

    public boolean wantsJson() {
        return jsonSchema != null && !jsonSchema.isBlank();
    }
}
