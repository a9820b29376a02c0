package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atelier tco reads atelier batch reports: the measured cost per site, following volume across batch sizes. */
class TcoFromBatchTest {
    @TempDir
    Path tmp;

    Path batch(String name, String workflow, int visitors, double costPerSite) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("batch.json"), "{\"workflow\":\"" + workflow + "\",\"visitors\":" + visitors + ",\"done\":" + visitors
                + ",\"costPerSiteUsd\":" + costPerSite + ",\"sitesPerMinute\":3.0}");
        return dir;
    }

    @Test
    void eachMonthsCostPerSiteIsReadOffTheMeasuredPointsAtThatMonthsVolume() throws Exception {
        List<Path> batches = List.of(batch("b100", "personas", 100, 0.0010), batch("b10k", "personas", 10_000, 0.0006));
        TcoPlan plan = TcoInputs.plan(100, "100%", 3, "0", null, true, batches, Map.of("single-llm", "0.002"), Map.of());
        TcoPlan.Design personas = plan.designs().stream().filter(d -> d.name().equals("personas")).findFirst().orElseThrow();
        assertThat(personas.curve()).hasSize(2);
        assertThat(personas.costPerSiteAt(50)).isEqualTo(0.0010);
        assertThat(personas.costPerSiteAt(1_000)).isCloseTo(0.0008, Offset.offset(1e-12)); // halfway in log(sites)
        assertThat(personas.costPerSiteAt(1e6)).isEqualTo(0.0006);
        TcoProjection p = TcoProjection.of(plan);
        int personasIndex = plan.designs().indexOf(personas);
        // month 1: 100 sites at $0.0010; month 2: 200 sites at the curve's value for 200
        assertThat(p.months().get(1).monthlyUsd().get(personasIndex)).isCloseTo(100 * 0.0010, Offset.offset(1e-12));
        assertThat(p.months().get(2).monthlyUsd().get(personasIndex)).isCloseTo(200 * personas.costPerSiteAt(200), Offset.offset(1e-12));
        assertThat(personas.costPerSiteAt(200)).isLessThan(0.0010).isGreaterThan(0.0008);
    }

    @Test
    void aFolderThatIsNotABatchIsRefusedInOneLine() throws Exception {
        assertThatThrownBy(() -> BatchCosts.read(List.of(tmp))).isInstanceOf(AtelierException.class)
                .hasMessageContaining("no batch.json there; give the --out folder of an atelier batch run");
        Path none = Files.createDirectories(tmp.resolve("none"));
        Files.writeString(none.resolve("batch.json"), "{\"workflow\":\"personas\",\"visitors\":3,\"costPerSiteUsd\":null}");
        assertThatThrownBy(() -> BatchCosts.read(List.of(none))).hasMessageContaining("has no measured cost per site");
    }
}
