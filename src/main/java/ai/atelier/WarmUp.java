package ai.atelier;

import ai.atelier.knowledge.Embedder;
import ai.atelier.model.TokenCounter;
import ai.atelier.quality.QaAgent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Start-up in parallel. A process that makes one site pays every load once, and left alone the loads
 * come one after another inside the steps: the tokenizer's vocabulary at the first token count, the
 * embedding model at the personalizer's first retrieval, the W3C checker's schemas and headless
 * Chromium in QA. Started together on background threads from the first moment, they overlap each
 * other and the steps before the ones that need them. Each load is the real one: a step that needs
 * it before it is done waits for it, and a load that fails here is tried again, and reported, by the
 * step that needs it.
 */
final class WarmUp {
    private final Map<String, Long> millis = new ConcurrentHashMap<>();

    /** Starts the loads and returns at once. */
    static WarmUp start(Embedder embedder, QaAgent qa) {
        WarmUp w = new WarmUp();
        qa.warmUp(); // Chromium on the browser's own thread, the W3C checker's schemas on QA's pool
        w.background("tokenizer-vocabulary", TokenCounter::loadVocabulary);
        w.background("embedding-model", embedder::warmUp);
        return w;
    }

    private void background(String what, Runnable load) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                load.run();
                millis.put(what, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // the step that needs it loads it again and reports the failure in the user's terms
            }
        }, "atelier-warm-up-" + what);
        t.setDaemon(true);
        t.start();
    }

    /** How long the loads started here that have finished took, by what (they overlap: do not add them up). */
    Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }
}
