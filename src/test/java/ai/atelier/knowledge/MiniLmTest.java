package ai.atelier.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cached-file loader must give the very vectors LangChain4j's own loader gives (indexes on disk were built with those). */
class MiniLmTest {
    @Test
    void cachedFileGivesTheSameVectorsAsLangChain4jsLoader() throws Exception {
        Path file = MiniLm.cachedModel();
        assertNotNull(file, "the model is in LangChain4j's jar, so it is cached");
        assertTrue(Files.size(file) > 80_000_000);
        assertEquals(file, MiniLm.cachedModel(), "a second load reuses the cached file");
        EmbeddingModel cached = MiniLm.fromFile(file);
        EmbeddingModel original = new AllMiniLmL6V2EmbeddingModel();
        for (String text : List.of("manufacturing", "predictive maintenance for a family-owned foundry in Coimbatore",
                "Energy costs fell 12% after the retrofit.")) {
            assertArrayEquals(original.embed(text).content().vector(), cached.embed(text).content().vector(), 1e-6f, text);
        }
        assertEquals(384, cached.dimension());
    }
}
