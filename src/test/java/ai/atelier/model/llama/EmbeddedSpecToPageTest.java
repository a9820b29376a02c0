package ai.atelier.model.llama;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.quality.CheckResult;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityReport;
import ai.atelier.quality.SiteUnderTest;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.SiteFile;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.design.DesignSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page half of the pipeline, which the full run on the tiny model never reaches (the
 * personalizer's validation rejects its gibberish; see EmbeddedModelGenerateTest): the tiny model writes a
 * WebsiteSpec under its schema, the design system renders it, and QA reviews the page. The content
 * is gibberish by design; what must hold is the page rules (escaped, nothing loaded from outside).
 * The QA verdict is printed, not asserted: it may fail on gibberish, and that is reported as such.
 */
class EmbeddedSpecToPageTest {
    @TempDir
    Path site;

    @Test
    void tinyModelSpecRendersIntoAPageThatKeepsThePageRules() throws Exception {
        Company company = new CompanyLoader().load(Path.of("examples/company"));
        WebsiteSpec spec;
        ChatResponse r;
        try (EmbeddedModels models = new EmbeddedModels()) {
            EmbeddedLlamaClient personalizer = models.client("tiny", TinyModel.settings());
            r = personalizer.chat(new ChatRequest("personalizer", "spec", "You plan one web page as JSON.",
                    "Visitor: Priya Raman, manufacturing.", RecordSchema.of(WebsiteSpec.class), 900, Duration.ofSeconds(60)));
            spec = new ObjectMapper().readValue(r.text(), WebsiteSpec.class);
        }
        for (SiteFile f : new DesignSystem().render(spec, ImageSlot.plan(spec, "svg"), company)) {
            Files.write(site.resolve(f.path()), f.data());
        }
        SiteUnderTest page = SiteUnderTest.of(site, spec, null, company);
        QualityReport qa = QaAgent.standard().review(page);
        System.out.println("[embedded tiny model] spec tokens in/out " + r.usage().inputTokens() + "/" + r.usage().outputTokens()
                + "; QA score " + qa.score() + ", " + (qa.passed() ? "PASSED" : "FAILED (gibberish content from random weights)"));
        qa.checks().forEach(c -> System.out.println("  " + c.name() + ": " + c.status() + " — " + c.details()));

        assertThat(page.doc().select("script[src], link[href^=http], img[src^=http], iframe, object, embed")).isEmpty();
        assertThat(page.doc().select("h1").text()).isEqualTo(spec.headline().strip().replaceAll("\\s+", " "));
        for (Element img : page.doc().select("img")) assertThat(img.attr("src")).startsWith("assets/");
        assertThat(qa.checks()).filteredOn(c -> c.name().equals(check(qa, "external"))).allMatch(CheckResult::passed);
    }

    private static String check(QualityReport qa, String part) {
        return qa.checks().stream().map(CheckResult::name).filter(n -> n.contains(part)).findFirst().orElse("none");
    }
}
