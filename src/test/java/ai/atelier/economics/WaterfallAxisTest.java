package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenUsage;
import ai.atelier.workflow.StepSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency waterfall of a replayed (scaled) run: QA's real, unscaled time is drawn apart, not on the scaled axis. */
class WaterfallAxisTest {
    private static StepSpan step(String id, long start, long duration, boolean withCall) {
        List<ModelCall> calls = withCall
                ? List.of(ModelCall.builder(id, "m", "replay").purpose(id).timed(start, duration).build()) : List.of();
        return new StepSpan(id, id, id, "m", StepSpan.OK, start, duration, 0, 0, false, 0.0, 1, null, calls, 0, 0, null);
    }

    // a replay at scale 0.05: personalizer 1035 ms, artist and developer 600 ms each; QA's real checks 14 s
    private final List<StepSpan> steps = List.of(step("personalizer", 0, 1035, true), step("artist", 1040, 600, true),
            step("developer", 1040, 600, true), step("qa", 1645, 14_000, false));

    @Test
    void onASimulationTheAxisEndsWithTheScaledStepsAndQaIsDrawnApart() {
        assertThat(CompareCharts.timeAxisEnd(steps, true)).isEqualTo(1640);
        assertThat(CompareCharts.realTime(steps.get(3), true)).isTrue();
        assertThat(steps.subList(0, 3)).noneMatch(s -> CompareCharts.realTime(s, true));
    }

    @Test
    void onARealRunEveryStepIsOnTheSameAxis() {
        assertThat(CompareCharts.timeAxisEnd(steps, false)).isEqualTo(15_645);
        assertThat(steps).noneMatch(s -> CompareCharts.realTime(s, false));
    }
}
