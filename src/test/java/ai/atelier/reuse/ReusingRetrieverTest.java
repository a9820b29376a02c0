package ai.atelier.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.knowledge.Bm25Index;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievalQuery;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.site.builtin.BuiltinEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval results are reused by query, per company version and index: the same query is answered from the store, anything else asks the index. */
class ReusingRetrieverTest {
    @TempDir
    Path dir;
    Company company;
    ReuseStore store;
    ReusingEngines engines;
    final AtomicInteger searches = new AtomicInteger();

    @BeforeEach
    void setUp() {
        company = new CompanyLoader().load(Path.of("examples/company"));
        store = ReuseStore.open(dir);
        engines = ReusingEngines.around(new BuiltinEngines());
        engines.use(store, () -> null);
    }

    /** The real BM25 index, counting how often it is really searched. */
    private Retriever counted(Company c) {
        Bm25Index index = Bm25Index.of(c);
        return q -> {
            searches.incrementAndGet();
            return index.search(q);
        };
    }

    @Test
    void theSameQueryIsAnsweredFromTheStoreWithTheSameChunksAndScores() {
        RetrievalQuery q = new RetrievalQuery("predictive maintenance energy costs manufacturing", "manufacturing", 6);
        List<RetrievedChunk> first = engines.retriever(counted(company), company).search(q);
        assertThat(first).isNotEmpty();
        // a new site (a new retriever over the same index) asks the same
        List<RetrievedChunk> again = engines.retriever(counted(company), company).search(q);
        assertThat(again).isEqualTo(first);
        assertThat(searches).hasValue(1);
        engines.retriever(counted(company), company).search(new RetrievalQuery(q.text(), q.industry(), 3));
        engines.retriever(counted(company), company).search(new RetrievalQuery(q.text() + " quality", q.industry(), 6));
        assertThat(searches).hasValue(3);
        assertThat(store.stats().steps().get("retrieval")).isEqualTo(new ReuseStats.Step(1, 3, 0));
    }

    @Test
    void anotherCompanyNeverGetsTheseResults() {
        RetrievalQuery q = new RetrievalQuery("energy costs", "manufacturing", 4);
        engines.retriever(counted(company), company).search(q);
        Company other = ReusingArtistTest.renamed(company, "Another Analytics Ltd");
        engines.retriever(counted(other), other).search(q);
        assertThat(searches).hasValue(2);
    }

    @Test
    void offItIsThePlainRetriever() {
        ReusingEngines off = ReusingEngines.around(new BuiltinEngines());
        Retriever r = counted(company);
        assertThat(off.retriever(r, company)).isSameAs(r);
        assertThat(off.artist("artist")).isNotInstanceOf(ReusingArtist.class);
    }
}
