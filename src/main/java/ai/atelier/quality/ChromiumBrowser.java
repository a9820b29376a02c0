package ai.atelier.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One headless Chromium (the system's, driven by Playwright for Java) shared by every page a
 * {@link QaAgent} audits, started on first use and closed with the agent or at JVM exit, because
 * starting a browser costs seconds and a batch reviews many pages. Playwright is not thread-safe,
 * so the browser lives on one thread of its own and audits queue for it.
 *
 * <p>A page is served to the browser from its folder through request interception at a made-up
 * loopback origin, so relative links and 'self' in the page's CSP behave as on a web server, and
 * every request for anything outside the folder is refused and reported.
 */
final class ChromiumBrowser implements AutoCloseable {
    static final String ORIGIN = "http://site.localhost";
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--disable-extensions"); // measured: about 0.2 s less CPU per start; --no-zygote, --single-process and a tmpfs profile saved nothing
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 360;
    private static final int TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final ExecutorService thread;
    private final ObjectMapper json = new ObjectMapper();
    private Playwright playwright;
    private volatile BrowserContext context;
    private Path profileDir;
    private String axeSource;
    private Thread shutdownHook;
    private volatile boolean closed;
    private volatile int launches;
    private volatile long launchNanos;
    private volatile String startFailure; // remembered, so a broken browser is not retried for every site

    ChromiumBrowser(Path executable) {
        this.executable = executable;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "atelier-chromium");
            t.setDaemon(true);
            return t;
        });
    }

    /** Why no browser can run here, or null when the executable is present. */
    String unavailableReason() {
        if (closed) return "the browser was shut down";
        if (startFailure != null) return startFailure;
        if (!Files.isExecutable(executable)) {
            return "no browser: " + executable + " not found (install chromium, or set ATELIER_CHROMIUM to its path)";
        }
        return null;
    }

    /** Loads the page at desktop and phone widths, runs axe-core, measures overflow, saves screenshots. */
    PageAudit audit(Path siteDir) {
        String reason = unavailableReason();
        if (reason != null) return PageAudit.unavailable(reason);
        Future<PageAudit> f = thread.submit(() -> startedOnBrowserThread() ? auditOnBrowserThread(siteDir) : PageAudit.unavailable(startFailure));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return PageAudit.failed("the browser did not finish within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return PageAudit.failed("browser error: " + firstLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PageAudit.failed("interrupted");
        }
    }

    /**
     * Starts the browser now, on its own thread, without waiting: a process that will audit a page calls
     * this at start-up so Chromium launches while the pages are being made; the first audit then queues
     * behind the launch and finds the browser up (or the reason it could not start).
     */
    void prestart() {
        if (unavailableReason() != null) return;
        try {
            thread.execute(this::startedOnBrowserThread);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to start
        }
    }

    private boolean startedOnBrowserThread() {
        if (startFailure != null) return false;
        try {
            start();
            return true;
        } catch (RuntimeException | IOException | Error e) {
            stopOnBrowserThread();
            startFailure = "the browser at " + executable + " could not be started: " + firstLine(e);
            return false;
        }
    }

    private PageAudit auditOnBrowserThread(Path siteDir) throws IOException {
        start();
        List<String> blocked = new ArrayList<>();
        Page page = context.newPage();
        try {
            page.setDefaultTimeout(30_000);
            page.route("**/*", route -> serve(route, siteDir, blocked));
            page.setViewportSize(DESKTOP_WIDTH, 800);
            page.navigate(ORIGIN + "/index.html", new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
            Path shots = siteDir.resolve("screenshots");
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("desktop.png")).setFullPage(true));

            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
            String axeJson = (String) page.evaluate("async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))");
            List<PageAudit.AxeViolation> violations = new ArrayList<>();
            for (JsonNode v : json.readTree(axeJson).path("violations")) {
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    if (targets.size() >= 5) break;
                    targets.add(n.path("target").toString());
                }
                violations.add(new PageAudit.AxeViolation(v.path("id").asText(), v.path("impact").asText("unknown"), v.path("help").asText(), targets));
            }

            page.setViewportSize(PHONE_WIDTH, 740);
            page.waitForTimeout(50); // let the layout settle after the viewport change
            String layout = (String) page.evaluate("""
                    () => {
                      const vw = document.documentElement.clientWidth;
                      const dw = Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0);
                      const out = [];
                      if (dw > vw) for (const el of document.querySelectorAll('body *')) {
                        const r = el.getBoundingClientRect();
                        if (r.width > 0 && r.right > vw + 1) {
                          const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
                          out.push('<' + el.tagName.toLowerCase() + cls + '> right edge at ' + Math.round(r.right) + ' px');
                          if (out.length >= 8) break;
                        }
                      }
                      return JSON.stringify({vw, dw, out});
                    }""");
            JsonNode l = json.readTree(layout);
            List<String> overflowing = new ArrayList<>();
            l.path("out").forEach(n -> overflowing.add(n.asText()));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("phone.png")).setFullPage(true));
            return new PageAudit(violations, l.path("vw").asInt(), l.path("dw").asInt(), overflowing, blocked,
                    List.of("screenshots/desktop.png", "screenshots/phone.png"), null, false);
        } finally {
            page.close();
        }
    }

    private static void serve(Route route, Path siteDir, List<String> blocked) {
        String url = route.request().url();
        if (!url.startsWith(ORIGIN + "/")) {
            synchronized (blocked) {
                blocked.add(url.length() > 200 ? url.substring(0, 200) + "…" : url);
            }
            route.abort("blockedbyclient");
            return;
        }
        String path = URI.create(url).getPath();
        Path file = siteDir.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        if (!file.startsWith(siteDir.normalize()) || !Files.isRegularFile(file)) {
            route.fulfill(new Route.FulfillOptions().setStatus(404).setBody("not found"));
            return;
        }
        try {
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType(contentType(file)).setBodyBytes(Files.readAllBytes(file)));
        } catch (IOException e) {
            route.fulfill(new Route.FulfillOptions().setStatus(500).setBody("unreadable"));
        }
    }

    private static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".css")) return "text/css; charset=utf-8";
        if (n.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
        if (n.endsWith(".webp")) return "image/webp";
        return "application/octet-stream";
    }

    private void start() throws IOException {
        if (context != null) return;
        long t0 = System.nanoTime();
        PlaywrightDriver.useCached(); // unpacked once per Playwright version, not at every start
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        profileDir = Files.createTempDirectory("atelier-chromium-");
        context = playwright.chromium().launchPersistentContext(profileDir, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(ARGS)
                .setBypassCSP(true) // lets QA inject axe-core into pages whose CSP forbids inline scripts
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setViewportSize(DESKTOP_WIDTH, 800));
        launches++;
        launchNanos += System.nanoTime() - t0;
        shutdownHook = new Thread(this::stopOnBrowserThread, "atelier-chromium-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private String axeSource() {
        if (axeSource == null) {
            try (InputStream in = ChromiumBrowser.class.getResourceAsStream("/quality/axe/axe.min.js")) {
                if (in == null) throw new IllegalStateException("axe-core is missing from the classpath (quality/axe/axe.min.js)");
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** Whether a browser is running now (for tests of the one-browser-per-agent promise). */
    boolean running() {
        return context != null;
    }

    /** How many times a browser was started (one per agent is the promise). */
    /** Time spent starting Chromium (Playwright's driver and the browser) so far. */
    long launchMillis() {
        return launchNanos / 1_000_000;
    }

    int launches() {
        return launches;
    }

    private void stopOnBrowserThread() {
        try {
            if (context != null) context.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone at JVM exit
        }
        try {
            if (playwright != null) playwright.close();
        } catch (RuntimeException ignored) {
            // same
        }
        context = null;
        playwright = null;
        if (profileDir != null) {
            try (Stream<Path> s = Files.walk(profileDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            thread.submit(() -> {
                stopOnBrowserThread();
                if (shutdownHook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(shutdownHook);
                    } catch (IllegalStateException ignored) {
                        // already shutting down
                    }
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing is best effort
        }
        thread.shutdownNow();
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
