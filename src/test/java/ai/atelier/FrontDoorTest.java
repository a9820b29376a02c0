package ai.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door on the built-in engine: one job, many jobs a few at once, a bad job among good
 * ones, and the bounded pools (one step thread and one site at a time still finish a site whose
 * artist draws several images: the artist works on its own fan-out instead of waiting for a thread).
 */
class FrontDoorTest {
    @TempDir
    Path tmp;

    static Atelier.Builder builtin() {
        return Atelier.builder().quality(QualityConfig.defaults().withBrowser(false)).company(Path.of("examples/company"));
    }

    static List<Profile> examples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("examples/profiles"))) {
            ProfileReader reader = new ProfileReader();
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(reader::read).toList();
        }
    }

    @Test
    void oneJobIsOneSiteWithItsResultAsAValue() {
        try (Atelier atelier = builtin().sitesDir(tmp).build()) {
            SiteResult r = atelier.generate(SiteJob.of(SiteJobTest.priya(), "personas"));
            assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(SiteResult.Status.DONE);
            assertThat(r.siteId()).startsWith("priya-raman-personas-").matches("[a-z0-9-]+");
            assertThat(r.dir()).isEqualTo(tmp.resolve(r.siteId()));
            assertThat(r.dir().resolve("index.html")).isRegularFile();
            SiteReport report = r.report();
            assertThat(r.inputTokens()).isEqualTo(report.totals().inputTokens()).isPositive();
            assertThat(r.outputTokens()).isEqualTo(report.totals().outputTokens()).isPositive();
            assertThat(r.costUsd()).isEqualTo(report.totals().costUsd());
            assertThat(r.wallMs()).isEqualTo(report.totals().wallMs());
            assertThat(r.qualityScore()).isEqualTo(report.quality().score());
            assertThat(r.error()).isNull();
        }
    }

    @Test
    void aFolderHoldingAnEarlierRunIsRefusedUnlessTheJobResumesIt() {
        try (Atelier atelier = builtin().build()) {
            SiteJob job = SiteJob.of(SiteJobTest.priya(), "single-llm").in(tmp.resolve("s")).withId("priya-once");
            assertThat(atelier.generate(job).ok()).isTrue();
            assertThatThrownBy(() -> atelier.generate(job))
                    .isInstanceOf(AtelierException.class)
                    .hasMessageContaining("holds an earlier run").hasMessageContaining("--resume");
            SiteResult again = atelier.generate(job.resuming());
            assertThat(again.ok()).isTrue();
            assertThat(again.report().sessions()).isEqualTo(2);
            // every step was finished: the resumed session keeps them all and runs none again
            assertThat(again.report().steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepSpan.OK));
        }
    }

    @Test
    void manyJobsRunAFewAtOnceAndABadOneIsAFailedResultNotACrash() throws Exception {
        List<Profile> profiles = examples().subList(0, 4);
        List<SiteJob> jobs = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) jobs.add(SiteJob.of(profiles.get(i), i % 2 == 0 ? "personas" : "single-llm").withId("site-" + i));
        jobs.add(2, SiteJob.of(profiles.get(0), "no-such-workflow").withId("site-bad"));
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        Set<String> stepsHeard = ConcurrentHashMap.newKeySet();
        try (Atelier atelier = builtin().sitesDir(tmp).build()) {
            List<SiteResult> results = atelier.generateAll(jobs, 3, new SiteListener() {
                @Override
                public RunListener steps(SiteJob job) {
                    return new RunListener() {
                        @Override
                        public void stepFinished(StepSpan span) {
                            stepsHeard.add(job.siteId() + "/" + span.id());
                        }
                    };
                }

                @Override
                public void siteFinished(SiteJob job, SiteResult result) {
                    finished.add(result.siteId());
                }
            });
            assertThat(results).extracting(SiteResult::siteId).containsExactly("site-0", "site-1", "site-bad", "site-2", "site-3");
            assertThat(results).extracting(SiteResult::status).containsExactly(SiteResult.Status.DONE, SiteResult.Status.DONE,
                    SiteResult.Status.FAILED, SiteResult.Status.DONE, SiteResult.Status.DONE);
            assertThat(results.get(2).error()).contains("no-such-workflow");
            assertThat(results.get(2).report()).isNull();
            assertThat(finished).containsExactlyInAnyOrder("site-0", "site-1", "site-bad", "site-2", "site-3");
            assertThat(stepsHeard).contains("site-0/personalizer", "site-0/artist", "site-1/site", "site-3/qa");
            assertThat(tmp.resolve("site-3/report.json")).isRegularFile();
        }
        assertThatThrownBy(() -> builtin().build().generateAll(jobs, 0, SiteListener.NONE))
                .isInstanceOf(AtelierException.class).hasMessageContaining("parallelism must be 1..");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void oneStepThreadAndOneSiteAtATimeFinishSitesWithSeveralImages() throws Exception {
        List<SiteJob> jobs = new ArrayList<>();
        for (Profile p : examples().subList(0, 2)) jobs.add(SiteJob.of(p, "personas"));
        try (Atelier atelier = builtin().sitesDir(tmp).stepThreads(1).build()) {
            List<SiteResult> results = atelier.generateAll(jobs, 1, SiteListener.NONE);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(SiteResult.Status.DONE);
                StepSpan artist = r.report().steps().stream().filter(s -> s.id().equals("artist")).findFirst().orElseThrow();
                assertThat(artist.calls()).as("one drawing per visual element").hasSizeGreaterThan(1);
                try (Stream<Path> assets = Files.list(r.dir().resolve("assets"))) {
                    assertThat(assets.count()).isEqualTo(artist.calls().size());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void serializedJobsRunWhereTheyLand() throws Exception {
        SiteJob shipped = SiteJobTest.roundTrip(SiteJob.of(SiteJobTest.priya(), "single-llm").in(tmp.resolve("far")).withId("far-away"));
        try (Atelier atelier = builtin().build()) {
            SiteResult r = atelier.generate(shipped);
            assertThat(r.ok()).isTrue();
            SiteResult back = SiteJobTest.roundTrip(r);
            assertThat(back.report()).isNull();
            assertThat(back.siteId()).isEqualTo("far-away");
            assertThat(back.qualityScore()).isEqualTo(r.qualityScore());
        }
    }
}
