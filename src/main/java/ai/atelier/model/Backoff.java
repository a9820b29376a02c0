package ai.atelier.model;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a failed call again: exponential backoff with full
 * jitter, capped, honouring the provider's Retry-After on 429 and 503, and never retrying a call
 * the provider rejected as bad (400), unauthorised (401) or forbidden (403). Shared by chat and
 * image calls.
 */
public final class Backoff {
    /** Waits; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Told about each failed attempt that will be retried. */
    public interface Listener {
        void retrying(int attempt, ModelException failure, Duration wait);
    }

    private final int maxRetries;
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier jitter;
    private final Sleeper sleeper;

    public Backoff(int maxRetries, Duration base, Duration cap, DoubleSupplier jitter, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.sleeper = sleeper;
    }

    public static Backoff standard(int maxRetries) {
        return new Backoff(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30), Math::random, d -> Thread.sleep(d.toMillis()));
    }

    public <T> T run(Callable<T> call, Listener listener) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (ModelException e) {
                if (!e.retryable() || attempt > maxRetries) throw e;
                Duration wait = delay(attempt, e);
                listener.retrying(attempt, e, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): Retry-After if given, else capped exponential with jitter. */
    public Duration delay(int attempt, ModelException e) {
        if (e.retryAfter() != null && (e.httpStatus() == 429 || e.httpStatus() == 503)) {
            return e.retryAfter().compareTo(cap) > 0 ? cap : e.retryAfter();
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (jitter.getAsDouble() * (ceiling / 2.0)));
    }

    public int maxRetries() {
        return maxRetries;
    }
}
