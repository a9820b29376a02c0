package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void allowsABurstThenRefillsAtTheRatePerClient() {
        AtomicLong now = new AtomicLong(1_000_000);
        RateLimiter limiter = new RateLimiter(6, 3, now::get); // one every 10 s, bursts of 3
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(10);
        assertThat(limiter.tryAcquire("b")).as("another client has its own bucket").isZero();
        now.addAndGet(4_000);
        assertThat(limiter.tryAcquire("a")).isEqualTo(6);
        now.addAndGet(6_000);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(10);
    }

    @Test
    void zeroPerMinuteTurnsItOff() {
        RateLimiter off = new RateLimiter(0, 1, () -> 0L);
        for (int i = 0; i < 100; i++) assertThat(off.tryAcquire("a")).isZero();
    }

    @Test
    void apiTokenComparesExactly() {
        ApiToken t = new ApiToken("Secret-1");
        assertThat(t.required()).isTrue();
        assertThat(t.accepts("Secret-1")).isTrue();
        assertThat(t.accepts("secret-1")).isFalse();
        assertThat(t.accepts("Secret-1 ")).isFalse();
        assertThat(t.accepts("")).isFalse();
        assertThat(t.accepts(null)).isFalse();
        assertThat(new ApiToken(null).accepts(null)).isTrue();
        assertThat(ApiToken.from("Bearer abc", null)).isEqualTo("abc");
        assertThat(ApiToken.from("bearer abc", null)).isEqualTo("abc");
        assertThat(ApiToken.from("Basic abc", "xyz")).isEqualTo("xyz");
        assertThat(ContentTypes.of("a.SVG")).isEqualTo("image/svg+xml");
        assertThat(ContentTypes.of("run.sh")).isEqualTo("application/octet-stream");
    }
}
