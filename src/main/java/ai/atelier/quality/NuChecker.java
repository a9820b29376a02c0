package ai.atelier.quality;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nu.validator.json.Serializer;
import nu.validator.messages.JsonMessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.servlet.imagereview.ImageCollector;
import nu.validator.source.SourceCode;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.InputSource;

/**
 * The W3C Nu HTML checker, run in-process with its bundled schemas, answering in its JSON message
 * format: the same messages as {@code nu.validator.client.EmbeddedValidator} with JSON output and
 * language detection off ({@code setNoLangDetect(true)}), without its echo of the whole document.
 *
 * <p>EmbeddedValidator reads and compiles the HTML schema (html5-all.rnc and the assertion
 * schemas) on every call: about 150 ms of CPU each time, so a QA agent that checks the page and its
 * stylesheet paid 300 ms per site (bench/results.md, throughput). Compiled schemas are immutable;
 * what a document check changes is the validator and parsers built from them, which
 * {@link SimpleDocumentValidator#setUpValidatorAndParsers} builds afresh for every document. So
 * this class keeps set-up checkers in a pool, at most one per core (validation is pure CPU: more
 * at once would only queue for the cores), and gives each document its own message emitter.
 * (Reusing the validator chain too, as the checker's command-line client does for many files, is
 * about 40% faster but not message-identical: a CSS error after an earlier document got a different
 * range. Not done.) {@code NuCheckerTest} checks that the answers match EmbeddedValidator's,
 * message for message.
 */
final class NuChecker {
    static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static final Field SOURCE_CODE = sourceCodeField();
    private static final NuChecker SHARED = new NuChecker(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final BlockingQueue<SimpleDocumentValidator> idle;
    private final int capacity;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicLong setUpNanos = new AtomicLong();

    NuChecker(int capacity) {
        this.capacity = capacity;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** One pool for the process: the compiled schemas are the same for every QA agent. */
    static NuChecker shared() {
        return SHARED;
    }

    /**
     * Checks an HTML document; the answer is the checker's JSON ({@code {"messages": [...]}}).
     * {@code lineOffset} is added to every reported line (negative when the document wraps a
     * fragment that starts further down).
     */
    String check(String html, int lineOffset) throws Exception {
        SimpleDocumentValidator v = take();
        boolean healthy = false;
        try {
            boolean reusable = freshSourceCode(v);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // showSource false: the answer leaves out the echo of the whole document (nobody reads it here)
            MessageEmitterAdapter messages = new MessageEmitterAdapter(null, v.getSourceCode(), false,
                    new ImageCollector(v.getSourceCode()), lineOffset, true,
                    new JsonMessageEmitter(new Serializer(out), null, false, "[unknown version]"));
            messages.setErrorsOnly(false);
            messages.setHtml(true);
            messages.start(null);
            v.setUpValidatorAndParsers(messages, false, false);
            v.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
            messages.end("Document checking completed. No errors found.", "Document checking completed.", "");
            healthy = reusable;
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            if (healthy) idle.offer(v);
            else created.decrementAndGet(); // a checker that threw (or cannot be reset) is dropped, not reused
        }
    }

    /**
     * The checker records each document's text in a SourceCode (for message extracts) that it
     * never clears: reused as is, it would keep every document it ever saw and quote the wrong
     * lines. A fresh one per document, set before the document's parsers are built (they are wired
     * to it), makes a reused checker answer exactly as a new one. Should a later version of the
     * checker rename the field, this answers false and the checker is used once, as
     * EmbeddedValidator does: slower, never wrong.
     */
    private static boolean freshSourceCode(SimpleDocumentValidator v) {
        if (SOURCE_CODE == null) return false;
        try {
            SOURCE_CODE.set(v, new SourceCode());
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    private static Field sourceCodeField() {
        try {
            Field f = SimpleDocumentValidator.class.getDeclaredField("sourceCode");
            if (f.getType() != SourceCode.class || Modifier.isFinal(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) return null;
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Sets up one checker now, in the calling thread, and keeps it for the first document: reading and
     * compiling the schemas (and loading the checker's classes) then happens before QA needs it, in the
     * background at start-up. A failure here is left for the first check, which sets up again and reports it.
     */
    void warmUp() {
        int n = created.get();
        if (n > 0 || !created.compareAndSet(n, n + 1)) return;
        try {
            idle.offer(setUp());
        } catch (Exception | LinkageError e) {
            // setUp() has given the slot back; the first document's check will try again and report the failure
        }
    }

    /** Time spent reading and compiling the checker's schemas so far (each pooled checker once). */
    long setUpMillis() {
        return setUpNanos.get() / 1_000_000;
    }

    /** How many set-up checkers exist now (idle or in use). */
    int size() {
        return created.get();
    }

    private SimpleDocumentValidator take() throws Exception {
        while (true) {
            SimpleDocumentValidator v = idle.poll();
            if (v != null) return v;
            int n = created.get();
            if (n < capacity) {
                if (created.compareAndSet(n, n + 1)) return setUp();
                continue;
            }
            // All in use: wait for one back (re-checking now and then, in case one was dropped).
            v = idle.poll(50, TimeUnit.MILLISECONDS);
            if (v != null) return v;
        }
    }

    private SimpleDocumentValidator setUp() throws Exception {
        try {
            // Third argument false: no language detection (an n-gram guess at the text's language, about a
            // fifth of the checker's time, that only ever adds warnings; the lang check covers the attribute).
            long t0 = System.nanoTime();
            SimpleDocumentValidator fresh = new SimpleDocumentValidator(true, false, false);
            fresh.setUpMainSchema(SCHEMA, new SystemErrErrorHandler());
            setUpNanos.addAndGet(System.nanoTime() - t0);
            return fresh;
        } catch (Exception | Error e) {
            created.decrementAndGet();
            throw e;
        }
    }
}
