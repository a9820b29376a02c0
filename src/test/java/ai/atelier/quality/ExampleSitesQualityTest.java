package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example visitor's site, from both shipped workflows, passes every blocking check with the
 * real tools: the W3C Nu checker, and axe-core in headless Chromium with no serious or critical
 * violation. One browser serves all eighteen sites: the one {@link Atelier#warmUp()} started before the first.
 */
@Tag("browser")
class ExampleSitesQualityTest {
    private static Atelier atelier;
    private static QaAgent qa;

    @BeforeAll
    static void start() {
        qa = QaAgent.create(QualityConfig.load(null, java.util.Map.of()));
        atelier = Atelier.builder().qa(qa).company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build();
    }

    @AfterAll
    static void stop() {
        atelier.close();
    }

    @Test
    void everyExampleSitePassesEveryBlockingCheckInTheBrowser(@TempDir Path out) throws IOException, InterruptedException {
        // as atelier generate does: the browser (and the rest) start in the background before any page exists
        atelier.warmUp();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!qa.browserRunning() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(qa.browserRunning()).as("warm-up starts Chromium before any page is reviewed").isTrue();
        Company company = atelier.company();
        List<Path> profiles;
        try (Stream<Path> s = Files.list(Path.of("examples/profiles"))) {
            profiles = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(profiles).hasSizeGreaterThanOrEqualTo(9);
        List<String> problems = new ArrayList<>();
        int sites = 0;
        for (String workflow : List.of("personas", "single-llm")) {
            WorkflowDefinition wf = atelier.loadWorkflow(workflow);
            for (Path file : profiles) {
                Profile p = new ProfileReader().read(file);
                Path dir = out.resolve(workflow + "-" + file.getFileName().toString().replace(".json", ""));
                ai.atelier.SiteResult r = atelier.generate(new ai.atelier.SiteJob(p, workflow, ai.atelier.SiteJob.Options.in(dir), "t-" + sites++), RunListener.NONE);
                QualityReport q = r.report().quality();
                for (CheckResult c : q.checks()) {
                    if (c.status() == CheckResult.Status.SKIPPED) problems.add(dir.getFileName() + ": " + c.name() + " skipped: " + c.details());
                    else if (!c.passed() && c.severity() == CheckResult.Severity.BLOCKING) {
                        problems.add(dir.getFileName() + ": " + c.name() + ": " + c.details() + " " + c.locations());
                    }
                }
                assertThat(dir.resolve("screenshots/desktop.png")).isRegularFile();
                assertThat(dir.resolve("screenshots/phone.png")).isRegularFile();
            }
        }
        assertThat(problems).isEmpty();
        assertThat(qa.browserRunning()).as("the browser is kept for the next site").isTrue();
        assertThat(qa.browserLaunches()).as("one browser for all " + sites + " sites").isEqualTo(1);
        atelier.close();
        assertThat(qa.browserRunning()).as("closing Atelier stops the browser").isFalse();
    }
}
