package ai.atelier.quality;

import ai.atelier.knowledge.Embedder;
import ai.atelier.model.TokenCounter;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bench tool (not a test): one start-up load alone in a fresh JVM, so its CPU time can be told from the
 * others' (on 2 cores, loads in parallel cannot beat their summed CPU / 2). Prints the wall and JVM CPU
 * time of the load; run it under {@code /usr/bin/time} to add the CPU of child processes (the Playwright
 * driver and Chromium), and compare with {@code none}.
 * {@code java -cp target/atelier.jar:target/test-classes ai.atelier.quality.StartUpCost tokenizer|minilm|nu|chromium [chromium args…]|none}
 */
public final class StartUpCost {
    private StartUpCost() {}

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        String what = args[0];
        switch (what) {
            case "none" -> { }
            case "tokenizer" -> TokenCounter.loadVocabulary();
            case "minilm" -> Embedder.allMiniLmL6V2().warmUp();
            case "nu" -> NuChecker.shared().warmUp();
            case "nu-check" -> { NuChecker.shared().warmUp(); NuChecker.shared().check("<!doctype html><html lang=en><title>x</title><p>x", 0); }
            case "driver" -> System.out.println(PlaywrightDriver.useCached());
            case "chromium-cached" -> { PlaywrightDriver.useCached(); chromium(Arrays.asList(args).subList(1, args.length)); }
            case "minilm-stages" -> minilmStages();
            case "chromium" -> chromium(Arrays.asList(args).subList(1, args.length));
            default -> throw new IllegalArgumentException(what);
        }
        long cpu1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        System.out.printf("%s wall %d ms, JVM cpu %d ms (JVM start to here: %d ms cpu)%n", what, (t1 - t0) / 1_000_000,
                (cpu1 - cpu0) / 1_000_000, cpu1 / 1_000_000);
    }

    /** Where loading MiniLM's time goes: model bytes from the jar, ONNX Runtime's native library, the session, the tokenizer, one embedding. */
    private static void minilmStages() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long c = threads.getCurrentThreadCpuTime(), w = System.nanoTime();
        byte[] model;
        try (var in = StartUpCost.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) { model = in.readAllBytes(); }
        c = stage("read model bytes from the jar", c, w); w = System.nanoTime();
        var env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        c = stage("ONNX Runtime native library", c, w); w = System.nanoTime();
        var opts = new ai.onnxruntime.OrtSession.SessionOptions();
        String level = System.getProperty("ort.level");
        if (level != null) opts.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.valueOf(level));
        if (System.getProperty("ort.save") != null) opts.setOptimizedModelFilePath(System.getProperty("ort.save"));
        if (System.getProperty("ort.threads") != null) opts.setIntraOpNumThreads(Integer.parseInt(System.getProperty("ort.threads")));
        var session = System.getProperty("ort.file") != null ? env.createSession(System.getProperty("ort.file"), opts) : env.createSession(model, opts);
        c = stage("session (" + (level == null ? "default optimisation" : level) + ")", c, w); w = System.nanoTime();
        ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tok;
        try (var in = StartUpCost.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            tok = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        }
        c = stage("tokenizer", c, w); w = System.nanoTime();
        var enc = new dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder(env, session,
                StartUpCost.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json"), dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN);
        c = stage("encoder (second tokenizer)", c, w); w = System.nanoTime();
        var m = new dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel(null) {
            @Override protected dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder model() { return enc; }
        };
        m.embed("industrial manufacturing");
        stage("first embedding", c, w);
        tok.close();
    }

    private static long stage(String what, long cpu0, long wall0) {
        long c = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.printf("  %-45s thread cpu %5d ms, wall %5d ms%n", what, (c - cpu0) / 1_000_000, (System.nanoTime() - wall0) / 1_000_000);
        return c;
    }

    /** Launch as ChromiumBrowser does (args: "default" for its flags, else extra flags added to them), load one page, close. */
    private static void chromium(List<String> extra) throws Exception {
        List<String> flags = new ArrayList<>(ChromiumBrowser.ARGS);
        Path exe = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
        for (String e : extra) if (!e.equals("default")) flags.add(e);
        Path profile = Files.createTempDirectory(Path.of(System.getProperty("profile.parent", System.getProperty("java.io.tmpdir"))), "cost-chromium-");
        long t0 = System.nanoTime();
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(System.getProperty("node.cache") == null
                ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "NODE_COMPILE_CACHE", System.getProperty("node.cache"))))) {
            long t1 = System.nanoTime();
            BrowserContext ctx = pw.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                    .setExecutablePath(exe).setHeadless(true).setArgs(flags).setViewportSize(1280, 800));
            long t2 = System.nanoTime();
            Page page = ctx.newPage();
            page.setContent("<!doctype html><html lang=en><title>x</title><h1>Hello</h1><p>page</p>");
            page.screenshot(new Page.ScreenshotOptions().setPath(profile.resolve("shot.png")).setFullPage(true));
            long t3 = System.nanoTime();
            System.out.printf("chromium: driver %d ms, launch %d ms, first page+screenshot %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            ctx.close();
        }
    }
}
