package ai.atelier.model;

import java.time.Duration;

/**
 * Retries a failed call per its {@link Backoff} policy; every failed attempt is reported to the
 * {@link AttemptLog} (the pipeline records it in the trace), so retries are visible, not hidden.
 */
public final class RetryInterceptor implements Interceptor {
    /** Told about each failed attempt that will be retried, with the request it belonged to. */
    public interface AttemptLog {
        void retrying(ChatRequest request, int attempt, ModelException failure, Duration wait);
    }

    private final Backoff backoff;
    private final AttemptLog log;

    public RetryInterceptor(Backoff backoff, AttemptLog log) {
        this.backoff = backoff;
        this.log = log;
    }

    /** Each retry proceeds again, after the failed attempt returned. */
    @Override
    public Proceeds proceeds() {
        return Proceeds.REPEATEDLY;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        return backoff.run(() -> chain.proceed(r), (attempt, e, wait) -> log.retrying(r, attempt, e, wait));
    }
}
