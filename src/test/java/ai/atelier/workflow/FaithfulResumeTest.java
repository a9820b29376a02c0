package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume keeps what it must (issue 15, item 6): with report.json gone but the step journal and
 * spec.json there, the personalizer is not run again; every finished fine-grained step is restored
 * (they used to fall to {@code default -> false}); the failed attempt's calls stay in the report
 * and in its totals; and the critical path never exceeds the wall time summed over the sessions.
 * The failure is real: a file named "assets" is in the way of the artist's folder.
 */
class FaithfulResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void personasResumeWithoutReportKeepsThePersonalizerAndEveryPaidAttempt(@TempDir Path tmp) throws Exception {
        SiteReport first = failAtArtist(tmp.resolve("site"), "personas");
        Path out = tmp.resolve("site");
        Files.delete(out.resolve("report.json")); // as after a kill -9: only the journal and the step outputs are there
        Files.delete(out.resolve("assets"));
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            SiteReport r = atelier.resume(out, RunListener.NONE).report();
            assertThat(r.status()).isEqualTo(SiteReport.OK);
            assertThat(r.sessions()).isEqualTo(2);
            assertThat(attempts(out, "personalizer")).as("the personalizer ran once, in the first session").isEqualTo(1);
            StepSpan before = first.steps().get(0);
            assertThat(r.steps().get(0)).as("kept as it was").extracting(StepSpan::id, StepSpan::startMs, StepSpan::durationMs, StepSpan::inputTokens)
                    .containsExactly(before.id(), before.startMs(), before.durationMs(), before.inputTokens());
            // the failed artist attempt is labelled an earlier attempt and counted
            assertThat(r.earlierAttempts()).extracting(StepSpan::id, StepSpan::status).contains(org.assertj.core.groups.Tuple.tuple("artist", "failed"));
            long in = 0, calls = 0;
            for (StepSpan s : r.steps()) { in += s.inputTokens(); calls += s.calls().size(); }
            for (StepSpan s : r.earlierAttempts()) { in += s.inputTokens(); calls += s.calls().size(); }
            assertThat(r.totals().inputTokens()).isEqualTo(in);
            assertThat(r.totals().modelCalls()).isEqualTo(calls);
            assertThat(r.totals().criticalPathMs()).isLessThanOrEqualTo(r.totals().wallMs());
        }
    }

    @Test
    void everyFinishedFineGrainedStepIsRestored(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        SiteReport first = failAtArtist(out, "fine-grained");
        List<String> finished = first.steps().stream().filter(StepSpan::ok).map(StepSpan::id).toList();
        assertThat(finished).contains("pain-points", "offerings", "copy-hero", "art-director");
        Files.delete(out.resolve("assets"));
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            SiteReport r = atelier.resume(out, RunListener.NONE).report();
            assertThat(r.status()).as(r.error()).isEqualTo(SiteReport.OK);
            for (String id : finished) {
                if (id.equals("qa")) continue;
                assertThat(attempts(out, id)).as("step %s ran once and was restored", id).isEqualTo(1);
                StepSpan was = first.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
                assertThat(r.steps()).filteredOn(s -> s.id().equals(id)).first().extracting(StepSpan::startMs, StepSpan::durationMs, StepSpan::outputTokens)
                        .containsExactly(was.startMs(), was.durationMs(), was.outputTokens());
            }
            assertThat(r.totals().criticalPathMs()).isLessThanOrEqualTo(r.totals().wallMs());
        }
    }

    private static SiteReport failAtArtist(Path out, String workflow) throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("assets"), "in the way");
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            SiteReport r = atelier.generate(new ai.atelier.SiteJob(p, workflow, ai.atelier.SiteJob.Options.in(out), "resume-test"), RunListener.NONE).report();
            assertThat(r.status()).isEqualTo(SiteReport.FAILED);
            assertThat(r.failedStep()).isEqualTo("artist");
            return r;
        }
    }

    private static long attempts(Path site, String step) throws Exception {
        JsonNode j = JSON.readTree(Files.readString(site.resolve(StepJournal.FILE)));
        long n = 0;
        for (JsonNode a : j.path("attempts")) if (a.path("span").path("id").asText().equals(step)) n++;
        return n;
    }
}
