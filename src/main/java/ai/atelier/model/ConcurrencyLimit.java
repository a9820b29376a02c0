package ai.atelier.model;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the calls in flight to one provider endpoint (the artist fans out, and several sites may
 * run at once), so a small local server is not flooded and a hosted one does not rate-limit us.
 * One instance per configured model, shared by every pipeline that reaches it.
 */
public final class ConcurrencyLimit implements Interceptor {
    private final String model;
    private final Semaphore permits;
    private final Duration maxWait;

    public ConcurrencyLimit(String model, int maxInFlight, Duration maxWait) {
        this.model = model;
        this.permits = new Semaphore(maxInFlight, true);
        this.maxWait = maxWait;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        return run(() -> chain.proceed(chain.request()));
    }

    /** Runs {@code work} holding one permit; shared with image calls. */
    public <T> T run(java.util.function.Supplier<T> work) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ModelException(ModelException.Kind.TIMEOUT, "waited " + maxWait.toSeconds()
                        + " s for a free slot on model " + model + "; raise its concurrency: in the config");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted while waiting for model " + model);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    public int available() {
        return permits.availablePermits();
    }
}
