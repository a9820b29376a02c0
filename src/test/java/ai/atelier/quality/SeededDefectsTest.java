package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded-defect benchmark's fast subset: three visitors (one the company has research for,
 * one from a neighbouring industry by meaning, one from none of its industries), one workflow:
 * the good pages pass, and every kind of seeded defect fails the gate on every page it applies to.
 */
class SeededDefectsTest {
    @Test
    void everySeededDefectFailsTheGateAndTheGoodPagesPass(@TempDir Path tmp) throws Exception {
        var pages = SeededDefects.goodPages(tmp.resolve("good"),
                List.of("manufacturing-priya-raman.json", "agriculture-kwame-mensah.json", "logistics-hannah-becker.json"), List.of("personas"));
        try (QaAgent qa = QaAgent.create(QualityConfig.load(null, Map.of()).withBrowser(false))) {
            SeededDefects.Results r = SeededDefects.run(pages, qa, tmp.resolve("seeded"));
            assertThat(r.goodFailed()).as("good pages that failed the gate").isEmpty();
            assertThat(r.kinds()).hasSizeGreaterThanOrEqualTo(12);
            for (SeededDefects.Tally t : r.kinds()) {
                assertThat(t.seeded()).as(t.kind() + " applies to some page").isPositive();
                assertThat(t.missed()).as(t.kind() + " missed on").isEmpty();
            }
        }
    }
}
