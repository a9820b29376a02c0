package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityConfigTest {
    @Test
    void theBundledFileWeighsEveryStandardCheck() {
        QualityConfig c = QualityConfig.load(null, Map.of());
        for (QualityCheck check : StandardChecks.all(PageAudits.disabled("test"))) {
            assertThat(c.weights()).as(check.name()).containsKey(check.name());
            assertThat(c.severities()).as(check.name()).containsKey(check.name());
        }
        assertThat(c.severities().get("screenshots")).isEqualTo(CheckResult.Severity.ADVISORY);
        assertThat(c.maxReviseRounds()).isEqualTo(2);
        assertThat(c.browserEnabled()).isTrue();
        // the first installed of the headless shell and chromium (the last when neither is: its "not found" names it)
        assertThat(c.chromium()).isEqualTo(java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium-headless-shell"))
                ? Path.of("/usr/bin/chromium-headless-shell") : Path.of("/usr/bin/chromium"));
    }

    @Test
    void aUserFileOverridesOnlyWhatItNames(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("q.yaml");
        Files.writeString(f, "checks:\n  contrast: {severity: advisory}\n  html-validity: {weight: 10}\nbrowser: {enabled: false}\nrevise: {maxRounds: 4}\n");
        QualityConfig c = QualityConfig.load(f, Map.of());
        assertThat(c.severities().get("contrast")).isEqualTo(CheckResult.Severity.ADVISORY);
        assertThat(c.weights().get("contrast")).isEqualTo(2.0);
        assertThat(c.weights().get("html-validity")).isEqualTo(10.0);
        assertThat(c.browserEnabled()).isFalse();
        assertThat(c.maxReviseRounds()).isEqualTo(4);
    }

    @Test
    void theEnvironmentCanTurnTheBrowserOffOrPointAtAnother() {
        assertThat(QualityConfig.load(null, Map.of("ATELIER_BROWSER", "off")).browserEnabled()).isFalse();
        assertThat(QualityConfig.load(null, Map.of("ATELIER_CHROMIUM", "/opt/chrome")).chromium()).isEqualTo(Path.of("/opt/chrome"));
    }

    @Test
    void badValuesGetAOneLineMessage(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("q.yaml");
        Files.writeString(f, "checks:\n  contrast: {severity: fatal}\n");
        assertThatThrownBy(() -> QualityConfig.load(f, Map.of())).isInstanceOf(AtelierException.class)
                .hasMessageContaining("checks.contrast.severity must be blocking or advisory");
        Files.writeString(f, "revise: {maxRounds: 99}\n");
        assertThatThrownBy(() -> QualityConfig.load(f, Map.of())).hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> QualityConfig.load(tmp.resolve("none.yaml"), Map.of())).hasMessageContaining("not found");
    }

    @Test
    void severityAndWeightFromTheConfigDecideGateAndScore(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("index.html"), "<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>x</h1></main></body></html>");
        var company = new ai.atelier.knowledge.CompanyLoader().load(Path.of("examples/company"));
        SiteUnderTest site = SiteUnderTest.of(tmp, null, null, company);
        Path f = tmp.resolve("q.yaml");
        Files.writeString(f, "checks:\n  lang: {severity: advisory, weight: 0}\n  landmarks: {severity: advisory, weight: 0}\n"
                + "  disclaimer: {severity: advisory, weight: 0}\n");
        try (QaAgent strict = QaAgent.create(QualityConfig.load(null, Map.of()).withBrowser(false));
             QaAgent lenient = QaAgent.create(QualityConfig.load(f, Map.of()).withBrowser(false))) {
            QualityReport a = strict.review(site), b = lenient.review(site);
            assertThat(a.blockingFailures()).extracting(CheckResult::name).contains("lang", "landmarks", "disclaimer");
            assertThat(b.blockingFailures()).extracting(CheckResult::name).doesNotContain("lang", "landmarks", "disclaimer");
            assertThat(b.score()).isGreaterThan(a.score());
            assertThat(a.checks()).filteredOn(c -> List.of("accessibility-axe", "no-horizontal-scroll", "runtime-requests", "screenshots").contains(c.name()))
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.SKIPPED));
        }
    }

    @Test
    void aMissingBrowserIsReportedSkippedNeverPassed(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><title>t</title></head><body></body></html>");
        var company = new ai.atelier.knowledge.CompanyLoader().load(Path.of("examples/company"));
        try (QaAgent qa = QaAgent.create(QualityConfig.load(null, Map.of("ATELIER_CHROMIUM", tmp.resolve("no-such-chromium").toString())))) {
            QualityReport r = qa.review(SiteUnderTest.of(tmp, null, null, company));
            CheckResult axe = r.checks().stream().filter(c -> c.name().equals("accessibility-axe")).findFirst().orElseThrow();
            assertThat(axe.status()).isEqualTo(CheckResult.Status.SKIPPED);
            assertThat(axe.passed()).isFalse();
            assertThat(axe.details()).contains("no browser", "no-such-chromium");
            assertThat(qa.browserRunning()).isFalse();
        }
    }

    @Test
    void aBrowserThatWillNotStartIsReportedSkippedToo(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><title>t</title></head><body></body></html>");
        var company = new ai.atelier.knowledge.CompanyLoader().load(Path.of("examples/company"));
        // an executable that is not a browser: Playwright cannot launch it
        try (QaAgent qa = QaAgent.create(QualityConfig.load(null, Map.of("ATELIER_CHROMIUM", "/bin/false")))) {
            QualityReport r = qa.review(SiteUnderTest.of(tmp, null, null, company));
            assertThat(r.checks()).filteredOn(c -> List.of("accessibility-axe", "no-horizontal-scroll", "runtime-requests", "screenshots").contains(c.name()))
                    .hasSize(4).allSatisfy(c -> {
                        assertThat(c.status()).isEqualTo(CheckResult.Status.SKIPPED);
                        assertThat(c.details()).contains("could not be started");
                    });
        }
    }
}
