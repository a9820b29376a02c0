package ai.atelier.model.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void secondsFractionsAndHttpDates() {
        assertThat(StatusAwareHttpClient.retryAfter(Optional.of("2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(StatusAwareHttpClient.retryAfter(Optional.of("0.5"))).isEqualTo(Duration.ofMillis(500));
        String in30s = ZonedDateTime.now().plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(StatusAwareHttpClient.retryAfter(Optional.of(in30s))).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
        String past = ZonedDateTime.now().minusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(StatusAwareHttpClient.retryAfter(Optional.of(past))).isEqualTo(Duration.ZERO);
        assertThat(StatusAwareHttpClient.retryAfter(Optional.of("soon"))).isNull();
        assertThat(StatusAwareHttpClient.retryAfter(Optional.empty())).isNull();
    }
}
