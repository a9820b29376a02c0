package ai.atelier.model;

/**
 * Retries a failed call per its {@link Backoff} policy; every failed attempt is reported to the
 * listener (the pipeline records it in the trace), so retries are visible, not hidden.
 */
public final class RetryInterceptor implements Interceptor {
    private final Backoff backoff;
    private final Backoff.Listener listener;

    public RetryInterceptor(Backoff backoff, Backoff.Listener listener) {
        this.backoff = backoff;
        this.listener = listener;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        return backoff.run(() -> chain.proceed(chain.request()), listener);
    }
}
