package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measured retrieval quality on the example company: 36 labelled visitor queries
 * (src/test/resources/knowledge/lanternfold-queries.yaml), research passages as the personalizer
 * asks for them (industry filter, k = 5), scored by recall@5 over source files and MRR of the first
 * relevant chunk, for hybrid, lexical-only and vector-only retrieval. Fails if hybrid recall@5 < 0.9.
 * The printed table is what the README's "Knowledge index" section quotes.
 */
class KnowledgeQualityTest {
    static final double MIN_HYBRID_RECALL_AT_5 = 0.9;

    @TempDir
    static Path tmp;
    static KnowledgeIndex index;
    static List<Labelled> queries;

    record Labelled(String query, String industry, Set<String> relevant) {}

    record Figures(double recallAt5, double mrr) {}

    @BeforeAll
    static void ingestExampleCompany() throws Exception {
        Company company = new CompanyLoader().load(Path.of("examples/company"));
        KnowledgeBase kb = new KnowledgeBase(Embedder.allMiniLmL6V2());
        kb.ingest(company, tmp.resolve("index"), IngestListener.SILENT);
        index = kb.load(tmp.resolve("index"));
        queries = load();
    }

    static List<Labelled> load() throws Exception {
        try (InputStream in = KnowledgeQualityTest.class.getResourceAsStream("/knowledge/lanternfold-queries.yaml")) {
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Labelled> out = new ArrayList<>();
            for (JsonNode q : n) {
                Set<String> rel = new LinkedHashSet<>();
                q.get("relevant").forEach(r -> rel.add(r.asText()));
                out.add(new Labelled(q.get("query").asText(), q.path("industry").asText(null), rel));
            }
            return out;
        }
    }

    /** recall@5: share of a query's relevant files among the files of the top 5 chunks; MRR: 1 / rank of the first relevant chunk (top 10). */
    static Figures measure(KnowledgeIndex.Mode mode, boolean industryFilter) {
        double recall = 0, mrr = 0;
        for (Labelled q : queries) {
            List<Retriever.RetrievedChunk> hits = index.search(new Retriever.RetrievalQuery(q.query(), industryFilter ? q.industry() : null,
                    null, EnumSet.of(ChunkKind.RESEARCH), 10), mode);
            Set<String> top5 = new LinkedHashSet<>();
            for (int i = 0; i < Math.min(5, hits.size()); i++) top5.add(hits.get(i).chunk().sourceFile());
            recall += (double) q.relevant().stream().filter(top5::contains).count() / q.relevant().size();
            for (int i = 0; i < hits.size(); i++) {
                if (q.relevant().contains(hits.get(i).chunk().sourceFile())) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        return new Figures(recall / queries.size(), mrr / queries.size());
    }

    @Test
    void labelledSetIsLargeEnoughAndPointsAtRealFiles() {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        Set<String> files = new java.util.HashSet<>();
        index.manifest().sources().forEach(s -> files.add(s.file()));
        queries.forEach(q -> assertThat(files).as(q.query()).containsAll(q.relevant()));
    }

    @Test
    void hybridRetrievalMeetsTheRecallBarAndFiguresArePrinted() {
        StringBuilder table = new StringBuilder("\n| retrieval (" + queries.size() + " queries) | recall@5 | MRR | recall@5 no industry filter | MRR no filter |\n|---|---|---|---|---|\n");
        Figures hybrid = null;
        for (KnowledgeIndex.Mode mode : KnowledgeIndex.Mode.values()) {
            Figures f = measure(mode, true);
            Figures open = measure(mode, false);
            if (mode == KnowledgeIndex.Mode.HYBRID) hybrid = f;
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", mode.name().toLowerCase(Locale.ROOT),
                    f.recallAt5(), f.mrr(), open.recallAt5(), open.mrr()));
        }
        System.out.println(table);
        assertThat(hybrid.recallAt5()).as("hybrid recall@5").isGreaterThanOrEqualTo(MIN_HYBRID_RECALL_AT_5);
    }
}
