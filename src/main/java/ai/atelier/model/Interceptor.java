package ai.atelier.model;

/**
 * One concern around a model call (budget, cache, metering, retry, concurrency, escalation), in
 * the spirit of OkHttp's interceptors: it sees the request, may change it, answer it, or pass it
 * on with {@link Chain#proceed}, and sees the response or failure on the way back. Each is small
 * and testable alone; {@link ChatPipeline} strings them in front of a provider.
 */
public interface Interceptor {
    /**
     * Handles one call: returns the response (never null) or throws a {@link ModelException}. Unless
     * {@link #proceeds()} says otherwise, an interceptor that returns a response got it from exactly
     * one {@link Chain#proceed}; {@link ChatPipeline} checks this and names the interceptor that broke it.
     */
    ChatResponse intercept(Chain chain);

    /** How often this interceptor passes a call on; {@link Proceeds#ONCE} for almost all. */
    default Proceeds proceeds() {
        return Proceeds.ONCE;
    }

    /**
     * The contract {@link ChatPipeline} holds an interceptor to, as OkHttp's chain does for its
     * network interceptors: a mistake (a call sent twice, a call answered with nothing) fails at once
     * with the interceptor's name instead of showing up later as a double charge or a null.
     */
    enum Proceeds {
        /** A response comes from exactly one proceed; refusing by throwing before proceeding is allowed (budget, context guards). */
        ONCE,
        /** May answer by itself without proceeding, else proceeds once (a cache). */
        AT_MOST_ONCE,
        /** May proceed again after a failed proceed, one at a time (retry). */
        REPEATEDLY
    }

    /** The rest of the pipeline, from this interceptor's point of view. */
    interface Chain {
        ChatRequest request();

        ChatResponse proceed(ChatRequest request);
    }
}
