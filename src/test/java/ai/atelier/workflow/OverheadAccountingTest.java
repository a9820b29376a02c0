package ai.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.TokenUsage;
import ai.atelier.site.Handoff;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.WebsiteSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadAccountingTest {
    private static ModelCall call(long start, long duration) {
        return ModelCall.builder("r", "m", "builtin").purpose("p").timed(start, duration).build();
    }

    @Test
    void timeInsideCallsIsTheUnionOfTheirIntervalsWithinTheStep() {
        // [0,10] and [5,15] overlap -> 15; [20,30] -> 10; [38,50] is cut at the step's end (40) -> 2.
        assertThat(CallTime.union(List.of(call(0, 10), call(5, 10), call(20, 10), call(38, 12)), 0, 40)).isEqualTo(27);
        assertThat(CallTime.union(List.of(), 0, 40)).isZero();
        assertThat(CallTime.union(List.of(call(0, 10), call(0, 10)), 0, 40)).isEqualTo(10);
    }

    @Test
    void aHandCheckedRunCarriesExactlyTheSpecAndSlotsIntoTheDeveloper(@TempDir Path tmp) throws Exception {
        Path wfFile = tmp.resolve("two-step.yaml");
        Files.writeString(wfFile, """
                name: two-step
                steps:
                  - {id: personalizer, persona: personalizer}
                  - {id: artist, persona: artist, after: [personalizer]}
                  - {id: developer, persona: frontend-developer, after: [artist]}
                  - {id: qa, persona: qa, after: [developer]}
                """);
        try (Atelier atelier = Atelier.builder().company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            Company c = atelier.loadCompany(Path.of("examples/company"));
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            WorkflowDefinition wf = atelier.loadWorkflow(wfFile.toString());
            ai.atelier.SiteResult r = atelier.generate(new ai.atelier.SiteJob(p, wfFile.toString(), ai.atelier.SiteJob.Options.in(tmp.resolve("site")), "t"), RunListener.NONE);
            SiteReport rep = r.report();
            assertThat(r.ok()).isTrue();

            // Carry-over, recomputed by hand from the spec the personalizer wrote.
            WebsiteSpec spec = new ObjectMapper().readValue(r.dir().resolve("spec.json").toFile(), WebsiteSpec.class);
            TokenCounter tokens = new TokenCounter();
            long expected = tokens.count(Handoff.spec(spec)) + tokens.count(Handoff.slots(ImageSlot.plan(spec, "svg")));
            long toArtist = spec.visualElements().stream().mapToLong(v -> tokens.count(v.label() + "\n" + v.description())).sum();
            StepSpan personalizer = rep.steps().get(0), artist = rep.steps().get(1), developer = rep.steps().get(2), qa = rep.steps().get(3);
            assertThat(personalizer.carriedTokens()).isZero();
            assertThat(artist.carriedTokens()).isEqualTo(toArtist).isPositive();
            assertThat(developer.carriedTokens()).isEqualTo(expected).isPositive();
            assertThat(rep.totals().carriedTokens()).isEqualTo(toArtist + expected);
            // The carried text is part of the developer's prompt, so it cannot exceed the prompt's tokens.
            assertThat(developer.inputTokens()).isGreaterThan(expected);

            // Orchestration of a chain: wall minus (model time of each model step + the whole QA step).
            for (StepSpan s : rep.steps()) {
                assertThat(s.orchestrationMs()).isEqualTo(Math.max(0, s.durationMs() - s.callMs()));
            }
            long work = personalizer.callMs() + artist.callMs() + developer.callMs() + qa.durationMs();
            assertThat(rep.totals().orchestrationMs()).isEqualTo(Math.max(0, rep.totals().wallMs() - work));
            assertThat(rep.totals().estimatedCostUsd()).isPositive();
            assertThat(rep.costEstimate()).contains("estimate");
            assertThat(rep.simulation()).isNull();
        }
    }
}
