package ai.atelier.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTotalsTest {
    static RunEvent finished(int seq, long in, long out, Object cost, boolean estimated) {
        java.util.Map<String, Object> d = new java.util.HashMap<>(Map.of("step", "s" + seq, "inputTokens", in, "outputTokens", out,
                "tokensEstimated", estimated, "calls", 1));
        d.put("costUsd", cost);
        return new RunEvent(seq, RunEvent.STEP_FINISHED, d);
    }

    @Test
    void aRunningRunSumsTheStepsFinishedSoFar() {
        Map<String, Object> t = RunTotals.of(null, List.of(new RunEvent(1, RunEvent.STARTED, Map.of()),
                finished(2, 100, 20, 0.001, false), finished(3, 50, 5, 0.0005, true)));
        assertThat(t).containsEntry("final", false).containsEntry("inputTokens", 150L).containsEntry("outputTokens", 25L)
                .containsEntry("stepsFinished", 2).containsEntry("modelCalls", 2).containsEntry("tokenSource", "mixed: estimated in 1 of 2 steps");
        assertThat((Double) t.get("costUsd")).isCloseTo(0.0015, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anUnknownPriceMakesTheCostUnknownNotZero() {
        assertThat(RunTotals.of(null, List.of(finished(1, 10, 1, null, false), finished(2, 10, 1, 0.1, false)))).containsEntry("costUsd", null);
    }

    @Test
    void aFinishedRunGivesItsReportsTotalsAndTokenSource() throws Exception {
        var report = new ObjectMapper().readTree("{\"tokenSource\": \"provider usage\", \"totals\": {\"costUsd\": 0.02, \"inputTokens\": 7, \"modelSteps\": 3}}");
        Map<String, Object> t = RunTotals.of(report, List.of());
        assertThat(t).containsEntry("final", true).containsEntry("tokenSource", "provider usage");
        assertThat(t.get("inputTokens").toString()).isEqualTo("7");
    }
}
