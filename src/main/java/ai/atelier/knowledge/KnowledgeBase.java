package ai.atelier.knowledge;

import ai.atelier.AtelierException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds, refreshes and opens a company's persistent knowledge index: the one place that knows how a
 * company folder becomes chunks, vectors, postings and a graph on disk, and back. {@link #ingest} is
 * incremental (text whose content hash is already in the index is not embedded again; chunks of
 * deleted files are dropped); {@link #open} loads a current index, or ingests first when the index is
 * missing, stale, corrupt or from another format version.
 */
public final class KnowledgeBase {
    /** Tuning, fixed per index. {@code graphAbove}: build an HNSW graph only for more chunks than this. */
    public record Settings(int chunkChars, int graphAbove, int exactBelow, int efSearch, int m, int efConstruction, int batch) {
        public static final Settings DEFAULT = new Settings(1200, 10_000, 10_000, 128, Hnsw.DEFAULT_M, Hnsw.DEFAULT_EF_CONSTRUCTION, 32);
    }

    private final Embedder embedder;
    private final Settings settings;

    public KnowledgeBase(Embedder embedder, Settings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    public KnowledgeBase(Embedder embedder) {
        this(embedder, Settings.DEFAULT);
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Opens the company's index, building or refreshing it first if it is missing, out of date or unusable. */
    public KnowledgeIndex open(Company company, Path indexDir, IngestListener listener) {
        company.skipped().forEach(listener::skipped);
        try {
            IndexManifest m = IndexFiles.header(indexDir);
            if (upToDate(m, sources(chunks(company)), company.skipped())) return load(indexDir);
        } catch (IndexProblem e) {
            // ingest says what was wrong with it as it rebuilds
        }
        ingest(company, indexDir, new Quiet(listener));
        try {
            return load(indexDir);
        } catch (IndexProblem e) {
            throw new AtelierException("knowledge index at " + indexDir + " could not be read right after it was built: " + e.getMessage(), e);
        }
    }

    /** Loads a saved index after checking its header and every file's checksum. */
    public KnowledgeIndex load(Path indexDir) throws IndexProblem {
        IndexFiles.Mapped m = IndexFiles.read(indexDir, embedder.name(), embedder.dims());
        try {
            List<Chunk> chunks = ChunkStore.read(m.chunks());
            Facets facets = Facets.read(m.facets());
            Vectors vectors = new Vectors(m.vectors().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(), m.manifest().dims());
            Bm25Index lexical = Bm25Index.read(m.lexical(), chunks);
            Hnsw graph = m.graph() == null ? null : Hnsw.read(m.graph(), vectors);
            if (chunks.size() != m.manifest().chunks() || facets.size() != chunks.size()) {
                throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index at " + indexDir + " has inconsistent chunk counts");
            }
            return new KnowledgeIndex(indexDir, m.manifest(), chunks, facets, lexical,
                    new VectorIndex(vectors, graph, settings.exactBelow(), settings.efSearch()), embedder);
        } catch (RuntimeException e) { // checksums passed but the structure does not add up
            throw new IndexProblem(IndexProblem.Kind.CORRUPT, "index at " + indexDir + " is malformed: " + e);
        }
    }

    /** Builds or refreshes the index of {@code company} in {@code indexDir}. */
    public IngestReport ingest(Company company, Path indexDir, IngestListener listener) {
        long start = System.nanoTime();
        if (!(listener instanceof Quiet)) company.skipped().forEach(listener::skipped);
        List<Chunk> chunks = chunks(company);
        List<String> hashes = chunks.stream().map(KnowledgeBase::contentHash).toList();

        KnowledgeIndex old = null;
        try {
            old = load(indexDir);
        } catch (IndexProblem e) {
            if (e.kind() != IndexProblem.Kind.MISSING) listener.warning(e.getMessage() + "; rebuilding it from scratch");
        }
        Map<String, Integer> oldRows = new HashMap<>();
        if (old != null) {
            List<String> oldHashes = old.manifest().chunks() == 0 ? List.of() : oldHashesOf(old);
            for (int i = 0; i < oldHashes.size(); i++) oldRows.putIfAbsent(oldHashes.get(i), i);
        }

        int dims = embedder.dims();
        float[] data = new float[chunks.size() * dims];
        Map<String, Integer> pending = new LinkedHashMap<>(); // hash -> first chunk needing it
        int reused = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Integer row = oldRows.get(hashes.get(i));
            if (row != null) {
                old.copyVector(row, data, i * dims);
                reused++;
            } else {
                pending.putIfAbsent(hashes.get(i), i);
            }
        }
        List<Integer> toEmbed = new ArrayList<>(pending.values());
        if (!toEmbed.isEmpty()) {
            listener.phase("embedding", toEmbed.size());
            for (int from = 0; from < toEmbed.size(); from += settings.batch()) {
                List<Integer> batch = toEmbed.subList(from, Math.min(toEmbed.size(), from + settings.batch()));
                List<float[]> vs = embedder.embedAll(batch.stream().map(i -> chunks.get(i).embeddingText()).toList());
                for (int j = 0; j < batch.size(); j++) System.arraycopy(vs.get(j), 0, data, batch.get(j) * dims, dims);
                listener.progress(from + batch.size());
            }
        }
        for (int i = 0; i < chunks.size(); i++) { // duplicates of text embedded in this run
            Integer first = pending.get(hashes.get(i));
            if (first != null && first != i) System.arraycopy(data, first * dims, data, i * dims, dims);
        }

        Vectors vectors = new Vectors(data, dims);
        Bm25Index lexical = new Bm25Index(chunks);
        Hnsw graph = null;
        if (chunks.size() > settings.graphAbove()) {
            listener.phase("graph", chunks.size());
            graph = Hnsw.build(vectors, settings.m(), settings.efConstruction(), 42, done -> {
                if (done % 1000 == 0 || done == chunks.size()) listener.progress(done);
            });
        }
        List<IndexManifest.Source> sources = sources(chunks);
        IndexManifest draft = new IndexManifest(IndexFiles.FORMAT, embedder.name(), dims, chunks.size(),
                company.dir() == null ? "" : company.dir().toString(), Instant.now().toString(), graph != null, Map.of(),
                sources, company.skipped());
        ByteBuffer vecBytes = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        vecBytes.asFloatBuffer().put(data);
        ByteBuffer lexBytes = ByteBuffer.allocate(Math.toIntExact(lexical.byteSize()));
        lexical.writeTo(lexBytes);
        lexBytes.flip();
        ByteBuffer graphBytes = null;
        if (graph != null) {
            graphBytes = ByteBuffer.allocate(Math.toIntExact(graph.byteSize()));
            graph.writeTo(graphBytes);
            graphBytes.flip();
        }
        try {
            IndexFiles.write(indexDir, new IndexFiles.Contents(ChunkStore.encode(chunks), Facets.encode(chunks, hashes), vecBytes,
                    lexBytes, graphBytes), draft);
        } catch (IOException e) {
            throw new AtelierException("cannot write the knowledge index to " + indexDir + ": " + e.getMessage()
                    + " (pass --index DIR with a writable folder)", e);
        }

        Map<String, String> before = new HashMap<>();
        if (old != null) old.manifest().sources().forEach(s -> before.put(s.file(), s.hash()));
        List<String> added = new ArrayList<>(), changed = new ArrayList<>();
        int unchanged = 0;
        Set<String> now = new TreeSet<>();
        for (IndexManifest.Source s : sources) {
            now.add(s.file());
            String h = before.get(s.file());
            if (h == null) added.add(s.file());
            else if (!h.equals(s.hash())) changed.add(s.file());
            else unchanged++;
        }
        List<String> removed = before.keySet().stream().filter(f -> !now.contains(f)).sorted().toList();
        IngestReport report = new IngestReport(indexDir, chunks.size(), toEmbed.size(), reused, added, changed, unchanged, removed,
                company.skipped(), old == null, (System.nanoTime() - start) / 1_000_000);
        listener.finished(report);
        return report;
    }

    private static List<String> oldHashesOf(KnowledgeIndex old) {
        return old.contentHashes();
    }

    List<Chunk> chunks(Company company) {
        return new CompanyChunks(new Chunker(settings.chunkChars())).of(company);
    }

    private static boolean upToDate(IndexManifest m, List<IndexManifest.Source> current, List<SkippedFile> skipped) {
        return m.sources().equals(current) && Objects.equals(m.skipped(), skipped);
    }

    /** One entry per source file, in first-seen order, with a hash over its chunks' content hashes. */
    static List<IndexManifest.Source> sources(List<Chunk> chunks) {
        Map<String, List<Chunk>> byFile = new LinkedHashMap<>();
        chunks.forEach(c -> byFile.computeIfAbsent(c.sourceFile(), f -> new ArrayList<>()).add(c));
        List<IndexManifest.Source> out = new ArrayList<>();
        byFile.forEach((file, cs) -> {
            StringBuilder all = new StringBuilder();
            cs.forEach(c -> all.append(c.id()).append('\n').append(contentHash(c)).append('\n'));
            out.add(new IndexManifest.Source(file, cs.get(0).kind().label(), sha256(all.toString()), cs.size()));
        });
        return out;
    }

    /** What decides whether a chunk must be embedded again: its kind, embedded text and metadata. */
    static String contentHash(Chunk c) {
        return sha256(c.kind().name() + "\n" + String.join(",", c.industries()) + "\n" + c.topic() + "\n" + c.embeddingText());
    }

    static String sha256(String s) {
        try {
            return Facets.bytesToHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes everything on except skipped-file notices, which {@link #open} has already given. */
    private record Quiet(IngestListener delegate) implements IngestListener {
        @Override public void warning(String message) { delegate.warning(message); }
        @Override public void phase(String name, int total) { delegate.phase(name, total); }
        @Override public void progress(int done) { delegate.progress(done); }
        @Override public void finished(IngestReport report) { delegate.finished(report); }
    }
}
