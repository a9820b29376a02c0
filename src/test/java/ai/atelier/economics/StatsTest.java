package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        List<Integer> v = List.of(4, 1, 3, 2); // sorted: 1 2 3 4
        assertThat(Stats.percentile(v, 50)).isEqualTo(2.5);
        assertThat(Stats.percentile(v, 95)).isCloseTo(3.85, within(1e-12)); // rank 0.95*3 = 2.85 -> 3 + 0.85*(4-3)
        assertThat(Stats.percentile(v, 0)).isEqualTo(1.0);
        assertThat(Stats.percentile(v, 100)).isEqualTo(4.0);
        assertThat(Stats.percentile(List.of(10, 20, 30, 40, 50), 50)).isEqualTo(30.0);
        assertThat(Stats.percentile(List.of(10, 20, 30, 40, 50), 95)).isCloseTo(48.0, within(1e-12));
    }

    @Test
    void nullsAreLeftOutAndAnEmptySampleHasNoStatistics() {
        List<Double> v = Arrays.asList(null, 2.0, null, 4.0);
        assertThat(Stats.mean(v)).isEqualTo(3.0);
        assertThat(Stats.min(v)).isEqualTo(2.0);
        assertThat(Stats.percentile(List.of(7), 95)).isEqualTo(7.0);
        Stats.Summary s = Stats.Summary.of(Arrays.asList((Double) null));
        assertThat(s.n()).isZero();
        assertThat(s.mean()).isNull();
        assertThat(s.p95()).isNull();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
