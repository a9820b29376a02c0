package ai.atelier.knowledge;

import ai.atelier.UserCache;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;

/**
 * all-minilm-l6-v2 as LangChain4j bundles it (the same model file, tokenizer, mean pooling and
 * default ONNX Runtime session), loaded from a file in the user's cache folder instead of out of
 * the jar. LangChain4j reads the 90 MB model out of the jar into memory at every load: inflating it
 * is about 0.6 s of CPU, a third of loading the model, paid by every {@code atelier generate}. Here it
 * is unpacked once ({@link UserCache}, keyed by the jar entry's CRC and size) and ONNX Runtime reads
 * the file. The one session setting changed: its worker threads do not spin-wait between inferences
 * (a cold process makes a handful of embeddings, and a spinning thread takes a core from the loads and
 * steps running beside it); the numbers it computes are the same. Without a cache folder, or should
 * anything fail, LangChain4j's own loader is used.
 */
final class MiniLm {
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private MiniLm() {}

    /** The model, from the cached file when possible, else as LangChain4j loads it. */
    static EmbeddingModel load() {
        try {
            Path file = cachedModel();
            if (file != null) return fromFile(file);
        } catch (IOException | OrtException | RuntimeException e) {
            // fall through to LangChain4j's loader, which reports a real failure in its own words
        }
        return new AllMiniLmL6V2EmbeddingModel();
    }

    /** The model file unpacked in the cache folder (unpacked now when absent); null when the model is not in a jar. */
    static Path cachedModel() throws IOException {
        URL url = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResource(MODEL);
        if (url == null) return null;
        URLConnection c = url.openConnection();
        if (!(c instanceof JarURLConnection jar)) return null;
        JarEntry e = jar.getJarEntry();
        if (e.getSize() <= 0 || e.getCrc() < 0) return null;
        long size = e.getSize();
        String name = "all-minilm-l6-v2-" + Long.toHexString(e.getCrc()) + "-" + size;
        Path dir = UserCache.folder(name, d -> sizeIs(d.resolve(MODEL), size), d -> {
            try (InputStream in = url.openStream()) {
                Files.copy(in, d.resolve(MODEL));
            }
        });
        return dir.resolve(MODEL);
    }

    private static boolean sizeIs(Path f, long size) {
        try {
            return Files.isRegularFile(f) && Files.size(f) == size;
        } catch (IOException e) {
            return false;
        }
    }

    static EmbeddingModel fromFile(Path model) throws OrtException, IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        OrtSession session = env.createSession(model.toString(), options);
        try (InputStream tokenizer = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream(TOKENIZER)) {
            if (tokenizer == null) throw new IOException(TOKENIZER + " is missing from the classpath");
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
            return new Model(encoder);
        }
    }

    /** LangChain4j's in-process embedding model over an encoder made here (dimension known: 384). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
