package ai.atelier.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.knowledge.Retriever.RetrievalQuery;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent index end to end on a temp copy of a small company folder (the example company's
 * required files and five research documents): ingest, search with scores and filters, incremental
 * re-ingest, deleted files, corrupt and version-mismatched indexes. The embedding model is loaded
 * once for the class and a golden index is built once; each test starts from a copy of both, so
 * unchanged text is reused rather than embedded again.
 */
class KnowledgeIndexTest {
    static final List<String> RESEARCH = List.of("manufacturing-energy-costs.md", "manufacturing-predictive-maintenance.md",
            "healthcare-patient-no-shows.md", "retail-inventory-shrink.md", "general-data-security.md");

    @TempDir
    static Path golden;
    static KnowledgeBase kb;

    @TempDir
    Path tmp;
    Path company;
    Path index;
    final List<String> warnings = new ArrayList<>();
    final IngestListener recording = new IngestListener() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    @BeforeAll
    static void buildGolden() throws IOException {
        kb = new KnowledgeBase(Embedder.allMiniLmL6V2());
        smallCompany(golden.resolve("company"));
        kb.ingest(new CompanyLoader().load(golden.resolve("company")), golden.resolve("index"), IngestListener.SILENT);
    }

    static void smallCompany(Path dir) throws IOException {
        Path src = Path.of("examples/company");
        Files.createDirectories(dir.resolve("research"));
        for (String f : List.of("company.yaml", "offerings.yaml", "testimonials.yaml", "design-guidelines.md", "policies.yaml")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        for (String f : RESEARCH) Files.copy(src.resolve("research").resolve(f), dir.resolve("research").resolve(f));
    }

    @BeforeEach
    void copyGolden() throws IOException {
        company = tmp.resolve("company");
        index = tmp.resolve("index");
        copyTree(golden.resolve("company"), company);
        copyTree(golden.resolve("index"), index);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Company load() {
        return new CompanyLoader().load(company);
    }

    @Test
    void searchRanksTheRelevantPassageFirstWithAllThreeScoresAndItsSource() throws Exception {
        KnowledgeIndex k = kb.load(index);
        List<RetrievedChunk> hits = k.search(new RetrievalQuery("our furnaces push us into a higher electricity demand band", "manufacturing", null, null, 5));
        assertThat(hits).isNotEmpty();
        RetrievedChunk top = hits.get(0);
        assertThat(top.chunk().sourceFile()).isEqualTo("research/manufacturing-energy-costs.md");
        assertThat(top.lexicalScore()).isPositive();
        assertThat(top.vectorScore()).isBetween(0.2, 1.0);
        assertThat(top.score()).isGreaterThan(hits.get(hits.size() - 1).score());
        // every kind of company knowledge is in the index, with its own source file
        assertThat(k.manifest().sources()).extracting(IndexManifest.Source::file)
                .contains("offerings.yaml", "testimonials.yaml", "design-guidelines.md", "research/general-data-security.md");
    }

    @Test
    void vectorSearchFindsMeaningWithoutSharedWords() throws Exception {
        KnowledgeIndex k = kb.load(index);
        RetrievalQuery q = new RetrievalQuery("people book a visit with the doctor and never show up", null, null, EnumSet.of(ChunkKind.RESEARCH), 3);
        assertThat(k.search(q, KnowledgeIndex.Mode.VECTOR)).first()
                .extracting(h -> h.chunk().sourceFile()).isEqualTo("research/healthcare-patient-no-shows.md");
    }

    @Test
    void industryTopicAndKindFiltersApplyToEveryHit() throws Exception {
        KnowledgeIndex k = kb.load(index);
        String text = "reduce costs with data";
        for (RetrievedChunk h : k.search(new RetrievalQuery(text, "healthcare", null, null, 20))) {
            assertThat(h.chunk().industries()).as(h.chunk().id()).containsAnyOf("healthcare", "general", "all");
        }
        List<RetrievedChunk> topic = k.search(new RetrievalQuery(text, null, "energy-costs", null, 20));
        assertThat(topic).isNotEmpty().allSatisfy(h -> assertThat(h.chunk().topic()).isEqualTo("energy-costs"));
        List<RetrievedChunk> offers = k.search(new RetrievalQuery(text, "retail", null, EnumSet.of(ChunkKind.OFFERING), 20));
        assertThat(offers).isNotEmpty().allSatisfy(h -> {
            assertThat(h.chunk().kind()).isEqualTo(ChunkKind.OFFERING);
            assertThat(h.chunk().industries()).contains("retail");
        });
        assertThat(k.search(new RetrievalQuery(text, null, "no-such-topic", null, 5))).isEmpty();
        // the personalizer's three-argument query asks for research only
        assertThat(k.search(new RetrievalQuery(text, "manufacturing", 10))).allSatisfy(h -> assertThat(h.chunk().kind()).isEqualTo(ChunkKind.RESEARCH));
    }

    @Test
    void reingestingUnchangedContentEmbedsNothing() {
        IngestReport r = kb.ingest(load(), index, IngestListener.SILENT);
        assertThat(r.embedded()).isZero();
        assertThat(r.reused()).isEqualTo(r.chunks());
        assertThat(r.added()).isEmpty();
        assertThat(r.changed()).isEmpty();
        assertThat(r.removed()).isEmpty();
        assertThat(r.rebuiltFromScratch()).isFalse();
    }

    @Test
    void aChangedFileIsReembeddedAloneAndNewTextIsFound() throws Exception {
        Path f = company.resolve("research/retail-inventory-shrink.md");
        Files.writeString(f, Files.readString(f) + "\n\n## Frozen aisles\n\nFreezer doors left open spoil ice cream overnight in smaller stores.\n");
        IngestReport r = kb.ingest(load(), index, IngestListener.SILENT);
        assertThat(r.changed()).containsExactly("research/retail-inventory-shrink.md");
        assertThat(r.embedded()).isBetween(1, 3);
        assertThat(r.reused()).isEqualTo(r.chunks() - r.embedded());
        List<RetrievedChunk> hits = kb.load(index).search(new RetrievalQuery("freezer doors left open spoil ice cream", "retail", 3));
        assertThat(hits.get(0).chunk().heading()).isEqualTo("Frozen aisles");
    }

    @Test
    void aDeletedFileLeavesTheIndex() throws Exception {
        Files.delete(company.resolve("research/healthcare-patient-no-shows.md"));
        IngestReport r = kb.ingest(load(), index, IngestListener.SILENT);
        assertThat(r.removed()).containsExactly("research/healthcare-patient-no-shows.md");
        assertThat(r.embedded()).isZero();
        KnowledgeIndex k = kb.load(index);
        assertThat(k.manifest().sources()).extracting(IndexManifest.Source::file).doesNotContain("research/healthcare-patient-no-shows.md");
        assertThat(k.search(new RetrievalQuery("patients miss appointments no-shows", null, null, null, 50)))
                .noneMatch(h -> h.chunk().sourceFile().equals("research/healthcare-patient-no-shows.md"));
    }

    @Test
    void aCorruptDataFileIsDetectedNeverReadAndRebuilt() throws Exception {
        Path vectors = index.resolve("vectors.bin");
        byte[] b = Files.readAllBytes(vectors);
        b[b.length / 2] ^= 0x5A;
        Files.write(vectors, b);
        assertThatThrownBy(() -> kb.load(index)).isInstanceOf(IndexProblem.class).hasMessageContaining("vectors.bin fails its checksum")
                .extracting(e -> ((IndexProblem) e).kind()).isEqualTo(IndexProblem.Kind.CORRUPT);
        KnowledgeIndex k = kb.open(load(), index, recording);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("fails its checksum").contains("rebuilding"));
        assertThat(k.search(new RetrievalQuery("energy per machine", "manufacturing", 3))).isNotEmpty();
    }

    @Test
    void aTruncatedFileOrHeaderIsDetected() throws Exception {
        Path lexical = index.resolve("lexical.bin");
        byte[] b = Files.readAllBytes(lexical);
        Files.write(lexical, java.util.Arrays.copyOf(b, b.length - 10));
        assertThatThrownBy(() -> kb.load(index)).isInstanceOf(IndexProblem.class).hasMessageContaining("bytes, the header says");
        Path header = index.resolve(IndexFiles.HEADER);
        byte[] h = Files.readAllBytes(header);
        Files.write(header, java.util.Arrays.copyOf(h, h.length - 3));
        assertThatThrownBy(() -> kb.load(index)).isInstanceOf(IndexProblem.class)
                .extracting(e -> ((IndexProblem) e).kind()).isEqualTo(IndexProblem.Kind.CORRUPT);
    }

    @Test
    void anIndexFromAnotherFormatVersionIsRebuilt() throws Exception {
        Path header = index.resolve(IndexFiles.HEADER);
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(header)).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt("ATELIER-KB".length(), IndexFiles.FORMAT + 1);
        Files.write(header, h.array());
        assertThatThrownBy(() -> kb.load(index)).isInstanceOf(IndexProblem.class).hasMessageContaining("format version " + (IndexFiles.FORMAT + 1))
                .extracting(e -> ((IndexProblem) e).kind()).isEqualTo(IndexProblem.Kind.VERSION);
        IngestReport r = kb.ingest(load(), index, recording);
        assertThat(r.rebuiltFromScratch()).isTrue();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("format version"));
        assertThat(kb.load(index).manifest().format()).isEqualTo(IndexFiles.FORMAT);
    }

    @Test
    void anIndexBuiltWithAnotherEmbeddingModelIsNotUsed() {
        KnowledgeBase other = new KnowledgeBase(new Embedder("another-model", 384, () -> {
            throw new AssertionError("not loaded by load()");
        }));
        assertThatThrownBy(() -> other.load(index)).isInstanceOf(IndexProblem.class).hasMessageContaining("all-minilm-l6-v2")
                .extracting(e -> ((IndexProblem) e).kind()).isEqualTo(IndexProblem.Kind.VERSION);
    }

    @Test
    void openLoadsACurrentIndexWithoutIngestingAndRefreshesAStaleOne() throws Exception {
        long before = Files.getLastModifiedTime(index.resolve(IndexFiles.HEADER)).toMillis();
        kb.open(load(), index, IngestListener.SILENT);
        assertThat(Files.getLastModifiedTime(index.resolve(IndexFiles.HEADER)).toMillis()).isEqualTo(before);
        Files.writeString(company.resolve("research/new-note.txt"), "Loading docks\n\nForklift queues at the loading docks delay trucks every morning.\n");
        KnowledgeIndex k = kb.open(load(), index, IngestListener.SILENT);
        assertThat(k.manifest().sources()).extracting(IndexManifest.Source::file).contains("research/new-note.txt");
    }

    @Test
    void theGraphPathAgreesWithTheExactScan() throws Exception {
        KnowledgeBase graphed = new KnowledgeBase(kb.embedder(), new KnowledgeBase.Settings(1200, 0, 0, 64, 8, 32, 32));
        Path g = tmp.resolve("graph-index");
        graphed.ingest(load(), g, IngestListener.SILENT);
        KnowledgeIndex k = graphed.load(g);
        assertThat(k.hasGraph()).isTrue();
        int agree = 0, total = 0;
        for (String q : List.of("energy bills", "machine breakdowns", "patients miss appointments", "theft in stores", "data security", "our pilot")) {
            float[] v = k.embed(q);
            var approx = k.nearest(v, 5, null).stream().map(Ranked::index).toList();
            var exact = k.exactNeighbours(v, 5, null).stream().map(Ranked::index).toList();
            agree += approx.stream().filter(exact::contains).count();
            total += exact.size();
        }
        assertThat((double) agree / total).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void defaultLocationIsBesideTheCompanyWhenWritable() {
        assertThat(IndexLocation.defaultFor(company)).isEqualTo(company.toAbsolutePath().normalize().resolve(".atelier-index"));
        assertThat(IndexLocation.cacheFor(company)).isEqualTo(IndexLocation.cacheFor(company.resolve("research/..")))
                .isNotEqualTo(IndexLocation.cacheFor(tmp));
    }
}
