package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.quality.QualityConfig;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's view of a site in headless Chromium with an API token set. The page is served sandboxed
 * (CSP {@code sandbox} without {@code allow-same-origin}): its opaque origin does not send the
 * SameSite=Strict token cookie, so before the keyed site links its stylesheet answered 401 and the
 * preview showed unstyled. Here every request the framed page makes for its own files must answer
 * 200, the stylesheet must apply, and a run that failed before writing its page shows the failure
 * (the failed step and its error) instead of an iframe of a page that is not there.
 */
@Tag("browser")
class PreviewBrowserTest {
    private static final String TOKEN = "preview-t0ken";

    @TempDir
    Path data;
    @TempDir
    Path profileDir;

    @Test
    void withATokenTheSandboxedPreviewLoadsItsOwnStylesheetAndAFailedRunShowsItsFailure() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/browser"));
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1).withApiToken(TOKEN);
        try (TestServer s = new TestServer(data, GatedEngines.developerFailsFirst(1), RunDatabase.h2In(data), settings, new RunService.Limits(1, 5));
             Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             BrowserContext browser = pw.chromium().launchPersistentContext(profileDir, new BrowserType.LaunchPersistentContextOptions()
                     .setExecutablePath(QualityConfig.load(null, System.getenv()).chromium()).setHeadless(true)
                     .setArgs(WebUiBrowserTest.CHROMIUM_ARGS).setViewportSize(1400, 1000))) {
            String failed = runToEnd(s, "failed");
            String done = runToEnd(s, "done");

            Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().get(0);
            page.onDialog(d -> d.accept(TOKEN)); // the UI asks for the token
            List<String> siteResponses = new CopyOnWriteArrayList<>();
            page.onResponse(r -> {
                if (r.url().contains("/sites/")) siteResponses.add(r.status() + " " + r.url());
            });
            page.navigate(s.base() + "/#run=" + done);
            page.waitForSelector("#run-status.done", new Page.WaitForSelectorOptions().setTimeout(30_000));
            page.waitForSelector("#result:not([hidden])");
            assertThat(page.frameLocator("#site-frame").locator("h1").first().textContent()).contains("Sophie");
            page.waitForCondition(() -> siteResponses.stream().anyMatch(r -> r.contains("styles.css")),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            assertThat(siteResponses).as("the framed page's own requests").isNotEmpty().allMatch(r -> r.startsWith("200 "), "answered 200");
            assertThat(siteResponses).anyMatch(r -> r.startsWith("200 ") && r.contains("/~") && r.endsWith("styles.css"));
            // the stylesheet applies: the builtin page's body is not in the browser's default serif font
            String font = page.frameLocator("#site-frame").locator("body").evaluate("b => getComputedStyle(b).fontFamily").toString();
            assertThat(font).as("font of the framed page").isNotBlank().doesNotContainIgnoringCase("times");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("ui-preview-token.png")).setFullPage(true));

            page.navigate(s.base() + "/#run=" + failed);
            page.reload();
            page.waitForSelector("#run-status.failed", new Page.WaitForSelectorOptions().setTimeout(30_000));
            page.waitForSelector("#site-failure:not([hidden])");
            assertThat(page.textContent("#site-failure")).contains("developer").contains("the test developer fails this run");
            assertThat(page.isHidden("#site-frame")).isTrue();
            assertThat(page.getAttribute("#site-frame", "src")).isNull();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("ui-failed-run.png")).setFullPage(true));
        }
    }

    private static String runToEnd(TestServer s, String expected) throws Exception {
        var r = s.post("/api/sites", TestServer.siteRequest(TestServer.example("retail-sophie-laurent"), "personas"), "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = TestServer.JSON.readTree(r.body()).path("id").asText();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = TestServer.JSON.readTree(s.get("/api/sites/" + id, "Authorization", "Bearer " + TOKEN).body());
            String status = run.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                assertThat(status).as(run.path("error").asText()).isEqualTo(expected);
                return id;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
