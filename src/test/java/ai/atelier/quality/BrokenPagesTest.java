package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deliberately broken page is caught by the check meant for it and by no other static check.
 * (The browser checks are off here and must say skipped; {@link BrokenPagesInBrowserTest} runs
 * the same pages with them.)
 */
class BrokenPagesTest {
    @TempDir
    static Path tmp;
    static GoodSite good;
    static QaAgent qa;

    @BeforeAll
    static void generate() throws IOException {
        good = GoodSite.generate(tmp.resolve("good"));
        qa = QaAgent.create(QualityConfig.load(null, Map.of()).withBrowser(false));
    }

    @AfterAll
    static void close() {
        qa.close();
    }

    static List<String> names() {
        return BrokenPage.NAMES;
    }

    @Test
    void theGoodSitePassesEveryStaticCheck() {
        QualityReport r = qa.review(good.at(good.dir()));
        for (CheckResult c : r.checks()) {
            if (c.name().equals("accessibility-axe") || c.name().equals("no-horizontal-scroll") || c.name().equals("runtime-requests")
                    || c.name().equals("screenshots")) {
                assertThat(c.status()).as(c.name() + " without a browser").isEqualTo(CheckResult.Status.SKIPPED);
                assertThat(c.details()).contains("disabled");
            } else {
                assertThat(c.status()).as(c.name() + ": " + c.details() + " " + c.locations()).isEqualTo(CheckResult.Status.PASS);
            }
        }
        assertThat(r.passed()).isTrue();
        assertThat(r.score()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachBrokenPageIsCaughtByItsCheckOnly(String name) throws IOException {
        BrokenPage page = BrokenPage.load(name);
        Path dir = page.applyTo(good.dir(), tmp.resolve(name));
        QualityReport r = qa.review(good.at(dir));
        for (CheckResult c : r.checks()) {
            String what = name + " → " + c.name() + ": " + c.details() + " " + c.locations();
            if ((c.name().equals(page.expect()) || page.alsoCaughtBy().contains(c.name())) && !page.browserOnly()) {
                assertThat(c.status()).as(what).isEqualTo(CheckResult.Status.FAIL);
            } else if (c.status() != CheckResult.Status.SKIPPED) {
                assertThat(c.status()).as(what).isEqualTo(CheckResult.Status.PASS);
            }
        }
        // the gate fails exactly when the defect's check is blocking (css-validity is advisory by default)
        boolean advisory = QualityConfig.load(null, Map.of()).severities().get(page.expect()) == CheckResult.Severity.ADVISORY;
        assertThat(r.passed()).as("gate").isEqualTo(page.browserOnly() || advisory);
        if (!page.browserOnly()) assertThat(r.score()).isLessThan(100);
    }
}
