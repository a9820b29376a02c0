package ai.atelier.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * An embedding model with the name and dimension an index records, loaded on first use (the
 * in-process all-MiniLM-L6-v2 takes a second or more to load, which a run whose index is current and
 * that never searches should not pay). Vectors come back unit length, so similarity is a dot product.
 */
public final class Embedder {
    private final String name;
    private final int dims;
    private final Supplier<EmbeddingModel> factory;
    private EmbeddingModel model;
    private final LongAdder inferenceNanos = new LongAdder();
    private long loadNanos;

    public Embedder(String name, int dims, Supplier<EmbeddingModel> factory) {
        this.name = name;
        this.dims = dims;
        this.factory = factory;
    }

    /** LangChain4j's in-process all-MiniLM-L6-v2 (384 dimensions, runs offline on ONNX Runtime). */
    public static Embedder allMiniLmL6V2() {
        return new Embedder("all-minilm-l6-v2", 384, MiniLm::load);
    }

    public String name() {
        return name;
    }

    public int dims() {
        return dims;
    }

    private synchronized EmbeddingModel model() {
        if (model == null) {
            long t0 = System.nanoTime();
            model = factory.get();
            loadNanos = System.nanoTime() - t0;
        }
        return model;
    }

    /** Loads the model now (the benchmark times it apart from queries). */
    public void warmUp() {
        embed("warm up");
    }

    public float[] embed(String text) {
        EmbeddingModel m = model();
        long t0 = System.nanoTime();
        try {
            return check(m.embed(text.isBlank() ? "." : text).content());
        } finally {
            inferenceNanos.add(System.nanoTime() - t0);
        }
    }

    /**
     * Wall time spent in the model's inference by {@link #embed} calls so far, all threads together
     * (loading the model not included): lets a benchmark tell model time from Atelier's own.
     */
    public long inferenceNanos() {
        return inferenceNanos.sum();
    }

    /** How long loading the model took (0 while it has not been loaded). */
    public synchronized long loadMillis() {
        return loadNanos / 1_000_000;
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
        List<Embedding> out = model().embedAll(segments).content();
        if (out.size() != texts.size()) throw new IllegalStateException("embedding model returned " + out.size() + " vectors for " + texts.size() + " texts");
        List<float[]> vectors = new ArrayList<>(out.size());
        out.forEach(e -> vectors.add(check(e)));
        return vectors;
    }

    private float[] check(Embedding e) {
        float[] v = e.vector();
        if (v.length != dims) throw new IllegalStateException("embedding model " + name + " returned " + v.length + " dimensions, expected " + dims);
        return Vectors.normalise(v.clone());
    }
}
