package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.workflow.SiteFolder;
import ai.atelier.workflow.SiteReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoneyTest {
    @TempDir
    Path tmp;

    /** Costs as the per-token arithmetic leaves them: binary noise in the 16th digit, and below 0.001. */
    private static final double NOISY = 0.0007708000000000001;
    private static final double SMALL = 8.860000000000001E-4;

    @Test
    void costsArePlainRoundedDecimals() {
        assertThat(Money.plain(NOISY)).isEqualTo("0.0007708");
        assertThat(Money.plain(SMALL)).isEqualTo("0.000886");
        assertThat(Money.plain(1e-9)).isEqualTo("0.000000001");
        assertThat(Money.plain(0.0)).isEqualTo("0");
        assertThat(Money.plain(12345.678)).isEqualTo("12345.678");
        assertThat(Money.plain(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    void reportJsonWritesCostsPlainAndRounded() throws Exception {
        SiteReport.Totals totals = new SiteReport.Totals(NOISY, 10, 20, 30, 40, 4, 3, 3, 5, 6, SMALL);
        new SiteFolder(tmp).writeJson("report.json", Map.of("totals", totals));
        String json = Files.readString(tmp.resolve("report.json"));
        assertThat(json).contains("\"costUsd\" : 0.0007708").contains("\"estimatedCostUsd\" : 0.000886")
                .doesNotContain("E-").doesNotContain("0000000001");
    }

    @Test
    void aNumberReadBackFromStoreAndTreesIsWrittenTheSameWay() throws Exception {
        ObjectMapper json = Money.json(new ObjectMapper());
        // the server builds trees from records and re-reads stored JSON: both paths stay plain
        String viaTree = json.writeValueAsString(json.valueToTree(Map.of("costUsd", SMALL)));
        assertThat(viaTree).isEqualTo("{\"costUsd\":0.000886}");
        String reread = json.writeValueAsString(json.readTree("{\"costUsd\":0.000886,\"tiny\":1.5E-7}"));
        assertThat(reread).isEqualTo("{\"costUsd\":0.000886,\"tiny\":0.00000015}");
        // and a plain ObjectMapper shows what was wrong before
        assertThat(new ObjectMapper().writeValueAsString(Map.of("costUsd", SMALL))).contains("E-4");
    }
}
