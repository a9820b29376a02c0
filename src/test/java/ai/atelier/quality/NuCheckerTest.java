package ai.atelier.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooled checker answers as the checker's own one-off EmbeddedValidator does (message for
 * message, extracts included; only the echo of the whole document is left out), for
 * valid and broken documents, with a line offset, when one set-up checker is reused document after
 * document (an error in one must not leak into the next), and under concurrent use.
 */
class NuCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valid</title></head>
            <body><main><h1>Hello</h1><p>A valid page.</p><img src="a.png" alt="A chart"></main></body></html>
            """;
    private static final String BROKEN = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
            <body><main><h1 id="x">Hello</h1><p id="x">Duplicate id</p></span>
            <img src="a.png"><ul><div>not a list item</div></ul><a href="#" target="_blank" bogus="1">link</a>
            </main></body></html>
            """;
    private static final String WARNINGS = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warn</title></head>
            <body><main><section><p>A section without a heading.</p></section><h1>Title</h1>
            <h3>Skipped</h3></main></body></html>
            """;
    private static final String CSS = """
            <!DOCTYPE html><html lang="en"><head><title>css</title><style>
            body { color: #333; font-family: Source Sans 3, sans-serif; }
            .card { padding: 1rem; margin: auto auto auto auto auto; }
            </style></head><body><p>css</p></body></html>""";
    /** The id the broken page uses twice, once: a checker that remembered the last page would call it a duplicate. */
    private static final String ONE_ID = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ids</title></head>
            <body><main><h1 id="x">Hello</h1><table><tr><td>cell</td></tr></table><label for="x">x</label></main></body></html>
            """;
    private static final List<String> DOCS = List.of(VALID, BROKEN, ONE_ID, WARNINGS, CSS);
    private static List<JsonNode> expected0, expectedCss;

    @BeforeAll
    static void reference() throws Exception {
        expected0 = new ArrayList<>();
        for (String d : DOCS) expected0.add(oneOff(d, 0));
        expectedCss = List.of(oneOff(CSS, -1));
        assertTrue(expected0.get(1).path("messages").size() >= 4, "the broken page has several errors: " + expected0.get(1));
        assertEquals(0, errors(expected0.get(0)), "the valid page has no errors: " + expected0.get(0));
    }

    @Test
    void oneReusedCheckerMatchesTheOneOffValidatorDocumentAfterDocument() throws Exception {
        NuChecker checker = new NuChecker(1);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < DOCS.size(); i++) assertEquals(expected0.get(i), JSON.readTree(checker.check(DOCS.get(i), 0)), "document " + i);
            // reversed order: the broken page's errors must not leak into the valid one
            for (int i = DOCS.size() - 1; i >= 0; i--) assertEquals(expected0.get(i), JSON.readTree(checker.check(DOCS.get(i), 0)), "document " + i);
        }
        assertEquals(expectedCss.get(0), JSON.readTree(checker.check(CSS, -1)), "line offset");
        assertEquals(1, checker.size(), "one checker, reused");
    }

    @Test
    void aWarmedUpCheckerIsSetUpBeforeTheFirstDocumentAndAnswersAsAFreshOne() throws Exception {
        NuChecker checker = new NuChecker(2);
        checker.warmUp();
        assertEquals(1, checker.size(), "warm-up sets up one checker");
        assertTrue(checker.setUpMillis() > 0, "the schemas were compiled during warm-up");
        long setUp = checker.setUpMillis();
        checker.warmUp(); // a second warm-up adds nothing
        for (int i = 0; i < DOCS.size(); i++) assertEquals(expected0.get(i), JSON.readTree(checker.check(DOCS.get(i), 0)), "document " + i);
        assertEquals(1, checker.size(), "the warmed-up checker is the one the documents used");
        assertEquals(setUp, checker.setUpMillis(), "no schema compiled after warm-up");
    }

    @Test
    void concurrentCallersShareAtMostCapacityCheckers() throws Exception {
        NuChecker checker = new NuChecker(2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                int i = t % DOCS.size();
                results.add(pool.submit(() -> expected0.get(i).equals(JSON.readTree(checker.check(DOCS.get(i), 0)))));
            }
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(checker.size() <= 2, "at most two set-up checkers, got " + checker.size());
    }

    private static JsonNode oneOff(String doc, int lineOffset) throws Exception {
        EmbeddedValidator v = new EmbeddedValidator();
        v.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        v.setLineOffset(lineOffset);
        v.setNoLangDetect(true); // as NuChecker: language detection off (it only adds warnings)
        ObjectNode out = (ObjectNode) JSON.readTree(v.validate(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
        assertTrue(out.has("source"), "EmbeddedValidator echoes the document");
        out.remove("source"); // NuChecker leaves the echo out; everything else must match
        return out;
    }

    private static long errors(JsonNode out) {
        long n = 0;
        for (JsonNode m : out.path("messages")) if ("error".equals(m.path("type").asText())) n++;
        return n;
    }
}
