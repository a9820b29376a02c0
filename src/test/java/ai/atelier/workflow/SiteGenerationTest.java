package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGenerationTest {

    @Test
    void aFailingStepIsNamedAndFinishedOutputsAreKept(@TempDir Path tmp) throws Exception {
        // The artist cannot create assets/ because a file of that name is in the way: a real I/O failure.
        Path out = tmp.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("assets"), "in the way");
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            var result = atelier.generate(new ai.atelier.SiteJob(p, "personas", ai.atelier.SiteJob.Options.in(out), "fail-test"), new RunListener() {
                @Override
                public void stepFinished(StepSpan span) {
                    events.add(span.id() + ":" + span.status());
                }
            });
            SiteReport r = result.report();
            assertThat(r.status()).isEqualTo(SiteReport.FAILED);
            assertThat(r.failedStep()).isEqualTo("artist");
            assertThat(r.error()).isNotBlank();
            assertThat(r.steps()).extracting(StepSpan::id, StepSpan::status).contains(
                    org.assertj.core.groups.Tuple.tuple("personalizer", "ok"),
                    org.assertj.core.groups.Tuple.tuple("artist", "failed"),
                    org.assertj.core.groups.Tuple.tuple("qa", "skipped"));
            assertThat(out.resolve("spec.json")).exists();
            assertThat(out.resolve("report.json")).exists();
            assertThat(events).contains("personalizer:ok", "artist:failed", "qa:skipped");
            assertThat(out.resolve("run.json")).exists();

            // Clear the obstacle and resume: finished steps are kept, the failed and skipped ones run.
            Files.delete(out.resolve("assets"));
            var resumed = atelier.resume(out, RunListener.NONE).report();
            assertThat(resumed.status()).isEqualTo(SiteReport.OK);
            assertThat(resumed.siteId()).isEqualTo("fail-test");
            StepSpan keptPersonalizer = resumed.steps().get(0);
            assertThat(keptPersonalizer).isEqualTo(r.steps().get(0));
            assertThat(resumed.steps()).extracting(StepSpan::status).containsOnly("ok");
            assertThat(out.resolve("assets/hero.svg")).exists();
        }
    }

    @Test
    void artistAndDeveloperRunAfterThePersonalizerAndOverlapInTime(@TempDir Path tmp) {
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/retail-diego-martinez.json"));
            var result = atelier.generate(new ai.atelier.SiteJob(p, "personas", ai.atelier.SiteJob.Options.in(tmp.resolve("s")), "x"), RunListener.NONE);
            var spans = result.report().steps();
            StepSpan personalizer = spans.get(0), artist = spans.get(1), developer = spans.get(2), qa = spans.get(3);
            assertThat(artist.startMs()).isGreaterThanOrEqualTo(personalizer.endMs());
            assertThat(developer.startMs()).isGreaterThanOrEqualTo(personalizer.endMs());
            assertThat(qa.startMs()).isGreaterThanOrEqualTo(Math.max(artist.endMs(), developer.endMs()));
            // one metered call per visual element: the artist fans out
            assertThat(artist.calls()).hasSizeGreaterThan(1);
            assertThat(artist.calls()).extracting(ai.atelier.model.ModelCall::purpose).allMatch(s -> s.startsWith("image "));
        }
    }

    @Test
    void aStepOverItsTimeLimitIsCancelledAndNamed(@TempDir Path tmp) throws Exception {
        // One microsecond is far less than retrieval plus tokenizing thousands of prompt tokens takes.
        Path wfFile = tmp.resolve("tight.yaml");
        Files.writeString(wfFile, "name: tight\nsteps:\n  - {id: personalizer, persona: personalizer, timeoutSeconds: 0.000001}\n"
                + "  - {id: developer, persona: frontend-developer, after: [personalizer]}\n");
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/logistics-hannah-becker.json"));
            var r = atelier.generate(new ai.atelier.SiteJob(p, wfFile.toString(), ai.atelier.SiteJob.Options.in(tmp.resolve("s")), "t"), RunListener.NONE).report();
            assertThat(r.status()).isEqualTo(SiteReport.FAILED);
            assertThat(r.failedStep()).isEqualTo("personalizer");
            assertThat(r.steps().get(0).status()).isEqualTo(StepSpan.TIMEOUT);
            assertThat(r.error()).contains("exceeded its time limit");
            assertThat(r.steps().get(1).status()).isEqualTo(StepSpan.SKIPPED);
            assertThat(tmp.resolve("s/report.json")).exists();
        }
    }
}
