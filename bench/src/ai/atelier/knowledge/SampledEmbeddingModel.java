package ai.atelier.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SIMULATION, for the benchmark only: embeds the first {@code sample} texts with the real model
 * (timed, so the real throughput is measured), and gives every later text a vector derived from a
 * real one (a sample vector chosen by the text's hash, plus Gaussian noise, renormalised). On this
 * shared 2-core machine the real model runs at ~20-50 chunks/s, so embedding all 100,000 chunks
 * would take over an hour; the index structures, load and query paths still see 100,000 vectors with
 * the geometry of real MiniLM embeddings. Results that depend on it say so.
 */
final class SampledEmbeddingModel implements EmbeddingModel {
    private final EmbeddingModel real;
    private final int sample;
    private final double sigma;
    private final List<float[]> seen = new ArrayList<>();
    private long realNanos;
    private final SplittableRandom random = new SplittableRandom(99);

    SampledEmbeddingModel(EmbeddingModel real, int sample, double sigma) {
        this.real = real;
        this.sample = sample;
        this.sigma = sigma;
    }

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>(segments.size());
        if (seen.size() < sample) {
            long t = System.nanoTime();
            List<Embedding> e = real.embedAll(segments).content();
            realNanos += System.nanoTime() - t;
            e.forEach(x -> seen.add(x.vector()));
            return Response.from(e);
        }
        for (TextSegment s : segments) {
            float[] base = seen.get(Math.floorMod(s.text().hashCode(), seen.size()));
            float[] v = new float[base.length];
            for (int i = 0; i < v.length; i++) v[i] = (float) (base[i] + random.nextGaussian() * sigma);
            out.add(Embedding.from(Vectors.normalise(v)));
        }
        return Response.from(out);
    }

    synchronized int realCount() {
        return seen.size();
    }

    synchronized double realSeconds() {
        return realNanos / 1e9;
    }

    @Override
    public int dimension() {
        return 384;
    }
}
