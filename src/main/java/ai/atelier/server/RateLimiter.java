package ai.atelier.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perMinute}. It
 * answers how long to wait, which becomes the Retry-After header. Buckets that are full again are
 * forgotten, so many one-off clients cannot grow the map without bound.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;
    private final double perMs;
    private final int burst;
    private final LongSupplier clockMs;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastMs;

        Bucket(double tokens, long lastMs) {
            this.tokens = tokens;
            this.lastMs = lastMs;
        }
    }

    RateLimiter(int perMinute, int burst, LongSupplier clockMs) {
        this.perMs = perMinute / 60_000.0;
        this.burst = Math.max(1, burst);
        this.clockMs = clockMs;
    }

    /** 0 when the request may go ahead (and is counted), else the seconds to wait before retrying. */
    long tryAcquire(String client) {
        if (perMs <= 0) return 0;
        long now = clockMs.getAsLong();
        if (buckets.size() > MAX_CLIENTS) forgetIdle(now);
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastMs) * perMs);
            b.lastMs = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perMs / 1000.0));
        }
    }

    /** Gives back the request counted by the last {@link #tryAcquire} (it was invalid: a 400 spends no budget). */
    void refund(String client) {
        Bucket b = buckets.get(client);
        if (b == null || perMs <= 0) return;
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + 1);
        }
    }

    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().lastMs) * perMs >= burst;
            }
        });
    }
}
