package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {
    @Test
    void recoversAKnownExponentExactlyFromNoiselessData() {
        List<PowerLawFit.Point> pts = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 5, 9, 14}) pts.add(new PowerLawFit.Point(k, 3.0 * Math.pow(k, 1.7)));
        PowerLawFit f = PowerLawFit.fit(pts);
        assertThat(f.m()).isCloseTo(1.7, within(1e-9));
        assertThat(f.b()).isCloseTo(3.0, within(1e-9));
        assertThat(f.r2()).isCloseTo(1.0, within(1e-12));
        assertThat(f.n()).isEqualTo(6);
        assertThat(f.at(4)).isCloseTo(3.0 * Math.pow(4, 1.7), within(1e-9));
    }

    @Test
    void recoversTheExponentFromNoisyDataWithAFitQualityBelowOne() {
        Random r = new Random(7);
        List<PowerLawFit.Point> pts = new ArrayList<>();
        for (int rep = 0; rep < 20; rep++) {
            for (int k : new int[] {1, 3, 9}) pts.add(new PowerLawFit.Point(k, 500 * Math.pow(k, 0.8) * Math.exp(0.1 * r.nextGaussian())));
        }
        PowerLawFit f = PowerLawFit.fit(pts);
        assertThat(f.m()).isCloseTo(0.8, within(0.05));
        assertThat(f.r2()).isBetween(0.8, 0.9999);
    }

    @Test
    void pointsThatCannotBeLoggedAreCountedAsExcluded() {
        PowerLawFit f = PowerLawFit.fit(List.of(new PowerLawFit.Point(1, 0), new PowerLawFit.Point(3, 30), new PowerLawFit.Point(8, 80),
                new PowerLawFit.Point(9, 90)));
        assertThat(f.excluded()).isEqualTo(1);
        assertThat(f.n()).isEqualTo(3);
        assertThat(f.m()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void noFitWithoutTwoDistinctK() {
        assertThat(PowerLawFit.fit(List.of(new PowerLawFit.Point(3, 10), new PowerLawFit.Point(3, 12)))).isNull();
        assertThat(PowerLawFit.fit(List.of())).isNull();
    }

    @Test
    void twoDistinctKAreALineThroughTwoPointsAndGiveNoFit() {
        // before, this "fit" came out with R² = 1.00 whatever the data
        List<PowerLawFit.Point> pts = List.of(new PowerLawFit.Point(3, 700), new PowerLawFit.Point(3, 760),
                new PowerLawFit.Point(9, 5200), new PowerLawFit.Point(9, 5900), new PowerLawFit.Point(1, 0));
        assertThat(PowerLawFit.fit(pts)).isNull();
        assertThat(PowerLawFit.distinctK(pts)).containsExactly(3.0, 9.0);
        List<PowerLawFit.Point> three = new ArrayList<>(pts);
        three.add(new PowerLawFit.Point(8, 4800));
        assertThat(PowerLawFit.fit(three)).isNotNull();
    }
}
