package ai.atelier.model;

/**
 * One concern around a model call (budget, cache, metering, retry, concurrency, escalation), in
 * the spirit of OkHttp's interceptors: it sees the request, may change it, answer it, or pass it
 * on with {@link Chain#proceed}, and sees the response or failure on the way back. Each is small
 * and testable alone; {@link ChatPipeline} strings them in front of a provider.
 */
public interface Interceptor {
    ChatResponse intercept(Chain chain);

    /** The rest of the pipeline, from this interceptor's point of view. */
    interface Chain {
        ChatRequest request();

        ChatResponse proceed(ChatRequest request);
    }
}
