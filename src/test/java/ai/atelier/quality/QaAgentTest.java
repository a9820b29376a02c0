package ai.atelier.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-version checks each catch their defect on a small hand-written page. */
class QaAgentTest {
    private static final Company COMPANY = new CompanyLoader().load(Path.of("examples/company"));
    private static final String DISCLAIMER = COMPANY.policies().requiredDisclaimer();

    private static String page(String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
                + "<link rel=\"stylesheet\" href=\"styles.css\"></head><body><main><h1>Hi</h1>" + body
                + "<img src=\"a.svg\" alt=\"A\"></main><footer><p>" + DISCLAIMER + "</p></footer></body></html>";
    }

    private static QualityReport review(Path dir, String html) throws Exception {
        Files.writeString(dir.resolve("index.html"), html);
        Files.writeString(dir.resolve("styles.css"), "body{color:#000}");
        Files.writeString(dir.resolve("a.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        return QaAgent.standard().review(SiteUnderTest.of(dir, null, null, COMPANY));
    }

    private static java.util.List<String> failed(QualityReport r) {
        return r.checks().stream().filter(c -> !c.passed()).map(CheckResult::name).toList();
    }

    @Test
    void aCleanPagePasses(@TempDir Path dir) throws Exception {
        QualityReport r = review(dir, page("<p>Hello</p>"));
        assertThat(failed(r)).isEmpty();
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void eachDefectIsCaughtByItsCheckAlone(@TempDir Path dir) throws Exception {
        assertThat(failed(review(dir, page("<script src=\"https://cdn.example/x.js\"></script>")))).containsExactly("no-external-loads");
        assertThat(failed(review(dir, page("<a href=\"https://evil.example\">x</a>")))).containsExactly("link-domains");
        assertThat(failed(review(dir, page("<p>Guaranteed   RESULTS</p>")))).containsExactly("banned-phrases");
        assertThat(failed(review(dir, page("<img src=\"a.svg\">")))).containsExactly("alt-text");
        assertThat(failed(review(dir, page("<img src=\"missing.png\" alt=\"m\">")))).containsExactly("referenced-files");
        assertThat(failed(review(dir, page("").replace(DISCLAIMER, "")))).containsExactly("disclaimer");
        QualityReport broken = review(dir, page("<p>x</p>").replace("<!DOCTYPE html>", ""));
        assertThat(failed(broken)).containsExactly("html-parses");
        assertThat(broken.passed()).isFalse();
        assertThat(broken.score()).isLessThan(100);
    }
}
