package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Provenance per section: chunk ids as cited, and the distinct files they came from in first-cited order. */
class SiteReportSourcesTest {
    @Test
    void filesAreTheChunkIdsBeforeTheHashDeduplicatedInOrder() {
        SiteReport.Sources s = SiteReport.Sources.of(List.of("research/b.md#2", "research/a.md#0", "research/b.md#0", "offerings.yaml#x", "notes"));
        assertThat(s.chunks()).containsExactly("research/b.md#2", "research/a.md#0", "research/b.md#0", "offerings.yaml#x", "notes");
        assertThat(s.files()).containsExactly("research/b.md", "research/a.md", "offerings.yaml", "notes");
    }
}
