package ai.atelier.reuse;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.KnowledgeIndex;
import ai.atelier.knowledge.Retriever;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A retriever that answers a query it has seen before (same text, industry, topic, kinds and k,
 * against the same company version and index version) from the {@link ReuseStore}, and asks the
 * index otherwise. The index version is the knowledge index's manifest (embedding model, format
 * and the content hash of every source file) when the retriever is a {@link KnowledgeIndex}, else
 * the retriever's kind; the company version covers the rest.
 */
final class ReusingRetriever implements Retriever {
    static final String STEP = "retrieval";
    // records' derived getters (Chunk.isGeneral) are written too; reading leaves them out
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<RetrievedChunk>> HITS = new TypeReference<>() {};
    private final Retriever inner;
    private final ReuseStore store;
    private final Company company;
    private final String indexVersion;

    ReusingRetriever(Retriever inner, ReuseStore store, Company company) {
        this.inner = inner;
        this.store = store;
        this.company = company;
        this.indexVersion = indexVersion(inner);
    }

    static String indexVersion(Retriever r) {
        if (r instanceof KnowledgeIndex k && k.manifest() != null) {
            var m = k.manifest();
            StringBuilder s = new StringBuilder("index:" + m.format() + ":" + m.model() + ":" + m.dims() + ":" + m.chunks());
            new java.util.TreeMap<String, String>(m.sources().stream()
                    .collect(java.util.stream.Collectors.toMap(x -> x.file(), x -> x.hash(), (a, b) -> a)))
                    .forEach((f, h) -> s.append('\n').append(f).append('=').append(h));
            return s.toString();
        }
        return "retriever:" + r.getClass().getName();
    }

    @Override
    public List<RetrievedChunk> search(RetrievalQuery q) {
        String key = ReuseStore.key(STEP, CompanyVersion.atelier(), CompanyVersion.of(company), indexVersion,
                q.text(), q.industry(), q.topic(), String.join(",", new TreeSet<>(q.kinds().stream().map(Enum::name).toList())),
                Integer.toString(q.k()));
        Optional<byte[]> hit = store.get(STEP, key);
        if (hit.isPresent()) {
            try {
                return List.copyOf(JSON.readValue(hit.get(), HITS));
            } catch (IOException | RuntimeException e) {
                store.unusable(STEP);
            }
        }
        List<RetrievedChunk> found = inner.search(q);
        try {
            store.put(STEP, key, JSON.writeValueAsBytes(found));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
