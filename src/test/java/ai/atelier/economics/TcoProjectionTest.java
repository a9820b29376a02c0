package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.atelier.AtelierException;
import ai.atelier.economics.TcoPlan.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcoProjectionTest {
    @Test
    void breakEvenIsTheMonthTheCostlierUpfrontDesignCatchesUp() {
        // A: 1000 up front, 1.00 per site; B: nothing up front, 2.00 per site; 100 sites a month.
        // cumA = 1000 + 100 m, cumB = 200 m: equal in month 10.
        TcoPlan plan = new TcoPlan(100, 0, 24, 0, List.of(new Design("a", 1.0, 1000, 0), new Design("b", 2.0, 0, 0)));
        TcoProjection p = TcoProjection.of(plan);
        assertThat(p.months()).hasSize(25);
        assertThat(p.months().get(0).cumulativeUsd()).containsExactly(1000.0, 0.0);
        assertThat(p.months().get(10).cumulativeUsd()).containsExactly(2000.0, 2000.0);
        TcoProjection.BreakEven be = p.breakEvens().get(0);
        assertThat(be.costlierUpfront()).isEqualTo("a");
        assertThat(be.month()).isEqualTo(10);
    }

    @Test
    void growthCacheAndMonthlyEngineeringEnterTheMonthlyCost() {
        // 1000 sites growing 10 %: month 1 1000, month 2 1100, month 3 1210; half served from cache.
        TcoPlan plan = new TcoPlan(1000, 0.10, 3, 0.5, List.of(new Design("a", 0.02, 500, 100)));
        TcoProjection p = TcoProjection.of(plan);
        assertThat(p.months().get(3).sites()).isCloseTo(1210, within(1e-9));
        assertThat(p.months().get(1).monthlyUsd().get(0)).isCloseTo(1000 * 0.5 * 0.02 + 100, within(1e-9)); // 110
        assertThat(p.months().get(3).cumulativeUsd().get(0)).isCloseTo(500 + 110 + 111 + 112.1, within(1e-9));
    }

    @Test
    void aDesignThatNeverPaysBackHasNoBreakEvenMonth() {
        TcoPlan plan = new TcoPlan(10, 0, 12, 0, List.of(new Design("cheap-per-site", 0.01, 50_000, 0), new Design("baseline", 0.07, 5_000, 0)));
        TcoProjection.BreakEven be = TcoProjection.of(plan).breakEvens().get(0);
        assertThat(be.month()).isNull();
        assertThat(be.verdict()).contains("does not pay back").contains("12 months");
    }

    @Test
    void growthBringsTheBreakEvenForward() {
        // Saving 1.00 per site against 1000 up front: flat 100 sites/month -> month 10; growing 20 %/month -> earlier.
        List<Design> designs = List.of(new Design("a", 1.0, 1000, 0), new Design("b", 2.0, 0, 0));
        int flat = TcoProjection.of(new TcoPlan(100, 0, 24, 0, designs)).breakEvens().get(0).month();
        int grown = TcoProjection.of(new TcoPlan(100, 0.2, 24, 0, designs)).breakEvens().get(0).month();
        // sum_{m=1..M} 100*1.2^(m-1) >= 1000  <=>  (1.2^M - 1)/0.2 >= 10  <=>  1.2^M >= 3  <=>  M >= 6.03 -> month 7
        assertThat(flat).isEqualTo(10);
        assertThat(grown).isEqualTo(7);
    }

    @Test
    void badInputsAreRefusedWithTheOptionNamed() {
        List<Design> d = List.of(new Design("a", 1, 0, 0));
        assertThatThrownBy(() -> new TcoPlan(100, 0, 0, 0, d)).isInstanceOf(AtelierException.class).hasMessageContaining("--months");
        assertThatThrownBy(() -> new TcoPlan(100, 0, 12, 1.5, d)).hasMessageContaining("--cache-hit-rate");
        assertThatThrownBy(() -> new TcoPlan(100, 0, 12, 0, List.of())).hasMessageContaining("--design");
        assertThatThrownBy(() -> new Design("a", -1, 0, 0)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> TcoInputs.rate("five", "--growth")).hasMessageContaining("5%");
        assertThat(TcoInputs.rate("5%", "--growth")).isCloseTo(0.05, within(1e-12));
        assertThatThrownBy(() -> TcoInputs.plan(10, "0", 12, "0", null, true, Map.of("a", "1"), Map.of("b", "1:1")))
                .hasMessageContaining("design \"b\"");
    }

    @Test
    void writesTableJsonAndChart(@TempDir Path dir) throws Exception {
        TcoPlan plan = TcoInputs.plan(1000, "5%", 6, "10%", null, true, Map.of("personas", "0.0052", "single-llm", "0.067"),
                Map.of("personas", "20000:1000"));
        TcoProjection p = TcoProjection.of(plan);
        new TcoWriter().write(p, null, dir);
        assertThat(Files.readString(dir.resolve("tco.md"))).contains("| 6 |").contains("Break-even");
        assertThat(Files.readAllBytes(dir.resolve("tco.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("tco.json"))).contains("\"breakEvens\"");
    }
}
