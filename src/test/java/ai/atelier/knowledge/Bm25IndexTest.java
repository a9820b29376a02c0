package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {
    private static Chunk chunk(String id, String heading, String text, String industry) {
        return new Chunk(id, id, "t", heading, text, List.of(industry), "");
    }

    @Test
    void ranksByTermOverlapAndFiltersByIndustry() {
        Bm25Index idx = new Bm25Index(List.of(
                chunk("a", "Unplanned downtime", "Bearings fail and machines stop; downtime costs margin.", "manufacturing"),
                chunk("b", "Energy", "Peak tariffs drive energy costs in furnaces.", "manufacturing"),
                chunk("c", "No-shows", "Patients miss appointments and clinics lose revenue.", "healthcare"),
                chunk("d", "Security", "Data security for every client.", "general")));
        var hits = idx.search(new Retriever.RetrievalQuery("machine downtime", "manufacturing", 5));
        assertThat(hits).first().extracting(h -> h.chunk().id()).isEqualTo("a");
        var health = idx.search(new Retriever.RetrievalQuery("patients appointments security", "healthcare", 5));
        assertThat(health).extracting(h -> h.chunk().id()).containsExactly("c", "d");
        assertThat(idx.search(new Retriever.RetrievalQuery("zzz", null, 5))).isEmpty();
    }

    @Test
    void termsFoldPluralsAndDropStopWords() {
        assertThat(Terms.of("The Castings and the casting")).containsExactly("cast", "cast");
        assertThat(Terms.of("Companies' energy")).containsExactly("company", "energy");
    }
}
