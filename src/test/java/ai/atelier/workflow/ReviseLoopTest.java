package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.quality.CheckResult;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.quality.QualityReport;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.workflow.steps.StandardSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revise loop on real workflows and the real built-in engine, with a company whose policy
 * bans a phrase the design system always prints ("Skip to content"), so every page fails the
 * banned-phrases check, a failure the personalizer owns.
 */
class ReviseLoopTest {
    @TempDir
    static Path tmp;
    static Path company;
    static Profile priya;

    @BeforeAll
    static void strictCompany() throws IOException {
        company = tmp.resolve("strict-company");
        try (Stream<Path> files = Files.walk(Path.of("examples/company"))) {
            for (Path p : files.toList()) {
                Path to = company.resolve(Path.of("examples/company").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path policies = company.resolve("policies.yaml");
        Files.writeString(policies, Files.readString(policies).replace("bannedPhrases: [", "bannedPhrases: [\"skip to content\", "));
        priya = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
    }

    private static SiteReport generate(QualityConfig config, Promotion escalation, String workflow, String dir) {
        try (Atelier atelier = Atelier.builder().qa(QaAgent.create(config)).pricer(ai.atelier.economics.CostEstimator.reference()).promotion(escalation).company(company).build()) {
            return atelier.generate(new ai.atelier.SiteJob(priya, workflow, ai.atelier.SiteJob.Options.in(tmp.resolve(dir)), dir), RunListener.NONE).report();
        }
    }

    private static QualityConfig config() {
        return QualityConfig.load(null, Map.of()).withBrowser(false);
    }

    @Test
    void builtinOwnersAreNotReRunAndTheReportSaysWhy() {
        SiteReport r = generate(config(), Promotion.NONE, "personas", "builtin-skip");
        assertThat(r.status()).isEqualTo(SiteReport.FAILED);
        assertThat(r.error()).contains("quality gate failed").contains("banned-phrases");
        assertThat(r.steps()).extracting(StepSpan::id).containsExactly("personalizer", "artist", "developer", "qa");
        assertThat(r.revisions()).hasSize(1);
        Revision skip = r.revisions().get(0);
        assertThat(skip.outcome()).isEqualTo(Revision.SKIPPED);
        assertThat(skip.steps()).containsExactly("personalizer");
        assertThat(skip.note()).contains("built-in engine", "deterministic");
        assertThat(skip.feedback()).anySatisfy(f -> assertThat(f).startsWith("personalizer ← banned-phrases").contains("skip to content"));
    }

    @Test
    void eachRoundReRunsTheOwnerAndEverythingDownstreamAsItsOwnSpans() {
        SiteReport r = generate(config().withReviseBuiltin(true), Promotion.NONE, "personas", "two-rounds");
        assertThat(r.steps()).extracting(StepSpan::id).containsExactly("personalizer", "artist", "developer", "qa",
                "personalizer#r1", "artist#r1", "developer#r1", "qa#r1",
                "personalizer#r2", "artist#r2", "developer#r2", "qa#r2");
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepSpan.OK));
        // rounds run after the first pass, in order
        StepSpan firstQa = r.steps().get(3), r1 = r.steps().get(4), r2 = r.steps().get(8);
        assertThat(r1.startMs()).isGreaterThanOrEqualTo(firstQa.endMs());
        assertThat(r2.startMs()).isGreaterThanOrEqualTo(r.steps().get(7).endMs());
        assertThat(r.revisions()).extracting(Revision::outcome).containsExactly(Revision.FAILING, Revision.FAILING, Revision.SKIPPED);
        assertThat(r.revisions().get(0).costUsd()).isEqualTo(0.0);
        assertThat(r.revisions().get(2).note()).contains("revise rounds spent (2)", "no larger model tier");
        assertThat(r.totals().stepCount()).isEqualTo(12);
        assertThat(r.totals().criticalPathMs()).isLessThanOrEqualTo(r.totals().wallMs() + 5);
        assertThat(r.status()).isEqualTo(SiteReport.FAILED);
    }

    @Test
    void roundsAreBoundedByTheConfiguredMaximum() {
        SiteReport r = generate(config().withReviseBuiltin(true).withMaxReviseRounds(1), Promotion.NONE, "single-llm", "one-round");
        assertThat(r.steps()).extracting(StepSpan::id).containsExactly("site", "qa", "site#r1", "qa#r1");
        assertThat(r.revisions()).extracting(Revision::outcome).containsExactly(Revision.FAILING, Revision.SKIPPED);
    }

    @Test
    void whenRevisionsAreSpentTheLoopAsksTheEscalationHookForALargerTier() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Promotion nextTier = (role, current) -> {
            asked.add(role);
            return Optional.of(new BuiltinEngines());
        };
        SiteReport r = generate(config(), nextTier, "personas", "escalated");
        assertThat(asked).containsExactly("personalizer");
        assertThat(r.revisions()).hasSize(1);
        assertThat(r.revisions().get(0).note()).contains("escalated");
        assertThat(r.steps()).extracting(StepSpan::id).contains("personalizer#r1", "qa#r1");
        assertThat(r.status()).isEqualTo(SiteReport.FAILED);
    }

    @Test
    void failuresGoToTheStepThatOwnsThem() {
        QualityReport q = new QualityReport(40, false, List.of(
                new CheckResult("banned-phrases", CheckResult.Status.FAIL, CheckResult.Severity.BLOCKING, "banned phrase", List.of("page text: \"x\"")),
                new CheckResult("contrast", CheckResult.Status.FAIL, CheckResult.Severity.BLOCKING, "low contrast", List.of("<p>")),
                new CheckResult("screenshots", CheckResult.Status.FAIL, CheckResult.Severity.ADVISORY, "advisory only", List.of()),
                new CheckResult("lang", CheckResult.Status.PASS, CheckResult.Severity.BLOCKING, "ok", List.of())));
        WorkflowLoader loader = new WorkflowLoader(StandardSteps.all());
        Crew crew = new Crew(new BuiltinEngines(), QaAgent.create(config()), StandardSteps.all());
        Map<String, List<String>> personas = ReviseLoop.feedbackByOwner(loader.load("personas"), crew, q);
        assertThat(personas).containsOnlyKeys("personalizer", "developer");
        assertThat(personas.get("personalizer")).containsExactly("banned-phrases: banned phrase — at: page text: \"x\"");
        assertThat(personas.get("developer")).containsExactly("contrast: low contrast — at: <p>");
        Map<String, List<String>> single = ReviseLoop.feedbackByOwner(loader.load("single-llm"), crew, q);
        assertThat(single).containsOnlyKeys("site");
        assertThat(single.get("site")).hasSize(2);
        // no personalizer in the fine-grained workflow: its copy failures fall back to the layout developer, as do its markup ones
        Map<String, List<String>> fine = ReviseLoop.feedbackByOwner(loader.load("fine-grained"), crew, q);
        assertThat(fine).containsOnlyKeys("layout");
        assertThat(fine.get("layout")).hasSize(2);
    }

    @Test
    void aRoundRunsTheOwnersAndTheirDependentsOnly() {
        WorkflowDefinition wf = new WorkflowLoader(StandardSteps.all()).load("personas");
        WorkflowDefinition sub = ReviseLoop.downstream(wf, java.util.Set.of("developer"));
        assertThat(sub.steps()).extracting(StepDefinition::id).containsExactly("developer", "qa");
        assertThat(sub.step("qa").after()).containsExactly("developer");
        assertThat(ReviseLoop.downstream(wf, java.util.Set.of("personalizer")).steps()).hasSize(4);
    }
}
