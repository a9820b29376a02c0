package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken pages again, with headless Chromium: each is caught by its check and by no other,
 * except where a browser check sees the same defect from its side (declared per page as
 * alsoInBrowser, e.g. axe-core's own contrast rule). One browser serves every page.
 */
@Tag("browser")
class BrokenPagesInBrowserTest {
    @TempDir
    static Path tmp;
    static GoodSite good;
    static QaAgent qa;

    @BeforeAll
    static void generate() throws IOException {
        good = GoodSite.generate(tmp.resolve("good"));
        qa = QaAgent.create(QualityConfig.load(null, Map.of()));
    }

    @AfterAll
    static void close() {
        qa.close();
    }

    static List<String> names() {
        return BrokenPage.NAMES;
    }

    @Test
    void theGoodSitePassesEveryCheckWithScreenshotsSaved() {
        QualityReport r = qa.review(good.at(good.dir()));
        for (CheckResult c : r.checks()) {
            assertThat(c.status()).as(c.name() + ": " + c.details() + " " + c.locations()).isEqualTo(CheckResult.Status.PASS);
        }
        assertThat(good.dir().resolve("screenshots/desktop.png")).isRegularFile();
        assertThat(good.dir().resolve("screenshots/phone.png")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachBrokenPageIsCaughtByItsCheck(String name) throws IOException {
        BrokenPage page = BrokenPage.load(name);
        Path dir = page.applyTo(good.dir(), tmp.resolve(name));
        QualityReport r = qa.review(good.at(dir));
        for (CheckResult c : r.checks()) {
            String what = name + " → " + c.name() + ": " + c.details() + " " + c.locations();
            if (c.name().equals(page.expect()) || page.alsoCaughtBy().contains(c.name()) || page.alsoInBrowser().contains(c.name())) {
                assertThat(c.status()).as(what).isEqualTo(CheckResult.Status.FAIL);
            } else {
                assertThat(c.status()).as(what).isEqualTo(CheckResult.Status.PASS);
            }
        }
        boolean advisory = QualityConfig.load(null, Map.of()).severities().get(page.expect()) == CheckResult.Severity.ADVISORY;
        assertThat(r.passed()).as("gate").isEqualTo(advisory);
    }
}
