package ai.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.quality.QualityConfig;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in headless Chromium (Debian's, via Playwright): pick an example visitor, start a
 * run, watch the personalizer's step appear on the timeline while it is still running (the gate
 * holds it there), then see every step finish, the generated page inside the sandboxed iframe and
 * the cost chart. Screenshots (desktop and phone width) are kept under target/browser/.
 */
@Tag("browser")
class WebUiBrowserTest {
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @TempDir
    Path data;
    @TempDir
    Path profileDir;

    @Test
    void startsARunAndShowsItsStepsLiveThenThePageAndItsCosts() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/browser"));
        GatedEngines engines = new GatedEngines();
        ServerSettings settings = ServerSettings.defaults().withPort(0).withRateLimit(0, 1);
        try (TestServer s = new TestServer(data, engines, RunDatabase.h2In(data), settings, new RunService.Limits(2, 5));
             Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             BrowserContext browser = pw.chromium().launchPersistentContext(profileDir, new BrowserType.LaunchPersistentContextOptions()
                     .setExecutablePath(QualityConfig.load(null, System.getenv()).chromium()).setHeadless(true).setArgs(CHROMIUM_ARGS).setViewportSize(1400, 1000))) {
            Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().get(0);
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> { if (m.type().equals("error")) problems.add(m.text()); });
            page.onRequestFailed(r -> {
                // the UI closes the event stream itself once the run has ended: that abort is expected
                if (!(r.url().endsWith("/events") && String.valueOf(r.failure()).contains("ERR_ABORTED"))) problems.add("failed: " + r.url() + " " + r.failure());
            });
            page.navigate(s.base() + "/");

            page.waitForSelector("#example option[value='0']", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            int priya = (int) page.evalOnSelector("#example", "sel => [...sel.options].findIndex(o => o.textContent.startsWith('Priya Raman'))");
            assertThat(priya).isPositive();
            page.selectOption("#example", String.valueOf(priya - 1));
            assertThat(page.inputValue("#profile")).contains("\"name\": \"Priya Raman\"");
            page.selectOption("#workflow", "personas");
            page.click("#start");

            // the personalizer is held at the gate: its step must already be on the timeline, running
            page.waitForSelector(".step[data-step='personalizer'] .bar.running");
            assertThat(page.textContent(".step[data-step='personalizer'] .step-detail")).contains("running on builtin");
            assertThat(page.textContent("#run-status")).isEqualTo("running");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("ui-running.png")));
            engines.open();

            page.waitForSelector("#run-status.done", new Page.WaitForSelectorOptions().setTimeout(60_000));
            page.waitForSelector("#result:not([hidden])");
            for (String step : List.of("personalizer", "artist", "developer", "qa")) {
                String detail = page.textContent(".step[data-step='" + step + "'] .step-detail");
                assertThat(detail).as(step).startsWith("ok").contains("builtin").contains("tokens");
            }
            FrameLocator site = page.frameLocator("#site-frame");
            assertThat(site.locator("h1").first().textContent()).contains("Priya");
            assertThat(page.getAttribute("#site-frame", "sandbox")).doesNotContain("allow-scripts");
            assertThat(page.locator("#cost-chart svg rect").count()).isEqualTo(4);
            assertThat(page.textContent("#baseline")).contains("single-llm").contains("estimate");
            // on the built-in engine the measured cost is $0; the UI shows the CLI's estimate next to it, labelled
            String baseline = page.textContent("#baseline");
            assertThat(baseline).as(baseline).doesNotContain("$0 on").contains("on gpt-4o")
                    .containsPattern("This run: \\$0 measured, \\$0\\.\\d+ on the reference models");
            assertThat(page.locator("#runs button").count()).isGreaterThanOrEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("ui-desktop.png")).setFullPage(true));

            // a reload with no run in the address opens the latest past run instead of "No run yet"
            String runTitle = page.textContent("#run-title");
            page.navigate(s.base() + "/");
            page.waitForSelector("#run-status.done", new Page.WaitForSelectorOptions().setTimeout(30_000));
            assertThat(page.textContent("#run-title")).isNotEqualTo("No run yet").isEqualTo(runTitle);
            page.waitForSelector("#result:not([hidden])");
            assertThat(page.locator("#runs button").count()).isGreaterThanOrEqualTo(1);

            page.setViewportSize(390, 844);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("ui-phone.png")).setFullPage(true));
            assertThat(problems).as("console errors and failed requests").isEmpty();
        }
        assertThat(shots.resolve("ui-desktop.png")).isNotEmptyFile();
    }
}
