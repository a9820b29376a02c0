package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FineGrainedWorkflowTest {
    static Atelier atelier;
    static Company company;
    static Retriever retriever;
    @TempDir
    static Path out;

    @BeforeAll
    static void setUp() {
        atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build();
        company = atelier.loadCompany(Path.of("examples/company"));
        retriever = atelier.retriever(ai.atelier.knowledge.IngestListener.SILENT);
    }

    @AfterAll
    static void tearDown() {
        atelier.close();
    }

    static Stream<Path> profiles() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("examples/profiles"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void passesQaWithNineModelStepsAndTheSamePageContentAsPersonas(Path file) throws Exception {
        Profile p = new ProfileReader().read(file);
        String name = file.getFileName().toString().replace(".json", "");
        ai.atelier.SiteResult r = atelier.generate(new ai.atelier.SiteJob(p, "fine-grained", ai.atelier.SiteJob.Options.in(out.resolve("fine").resolve(name)), name + "-fg"), RunListener.NONE);

        assertThat(r.ok()).as(r.report().error() == null ? "" : r.report().error()).isTrue();
        assertThat(r.report().quality().passed()).isTrue();
        assertThat(r.report().totals().modelSteps()).isEqualTo(9);
        // every step after the first carries an upstream output into its prompt
        List<StepSpan> model = r.report().steps().stream().filter(s -> !s.calls().isEmpty()).toList();
        assertThat(model.get(0).carriedTokens()).isZero();
        assertThat(model.subList(1, model.size())).allSatisfy(s -> assertThat(s.carriedTokens()).as(s.id()).isPositive());
        assertThat(r.dir().resolve("drafts/research.json")).exists();
        assertThat(r.dir().resolve("drafts/review.json")).content().contains("\"approved\" : true");

        // Same rules, split into steps: the spec matches the one-step personalizer's, so the designs compare like for like.
        ai.atelier.SiteResult personas = atelier.generate(new ai.atelier.SiteJob(p, "personas", ai.atelier.SiteJob.Options.in(out.resolve("personas").resolve(name)), name + "-p"), RunListener.NONE);
        assertThat(r.dir().resolve("spec.json")).hasSameTextualContentAs(personas.dir().resolve("spec.json"));
        assertThat(r.report().totals().carriedTokens()).isGreaterThan(personas.report().totals().carriedTokens());
    }
}
