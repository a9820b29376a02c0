package ai.atelier.model;

/**
 * One way to call any chat model. Providers implement it, and so do the interceptors that wrap
 * them (budget, cache, metering, retry, escalation), in the spirit of OkHttp's chain.
 */
public interface ModelClient {
    ChatResponse chat(ChatRequest request);
}
