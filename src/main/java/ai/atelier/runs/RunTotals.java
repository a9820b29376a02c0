package ai.atelier.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code totals} of {@code GET /api/sites/{id}}: for a finished run, its report's totals and
 * where its token counts come from ({@code final: true}); for a queued or running one, the sums
 * over the steps finished so far, from their events ({@code final: false}), so a client polling a
 * run sees its cost grow instead of an empty field. A cost is null whenever some step's price is
 * unknown, never shown as free.
 */
public final class RunTotals {
    private RunTotals() {}

    /** @param report the run's report.json (null until it finished); {@code events} its events so far */
    public static Map<String, Object> of(JsonNode report, List<RunEvent> events) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (report != null && report.path("totals").isObject()) {
            report.path("totals").fields().forEachRemaining(e -> t.put(e.getKey(), e.getValue()));
            t.put("tokenSource", report.path("tokenSource").isTextual() ? report.path("tokenSource").asText() : null);
            t.put("final", true);
            return t;
        }
        Double cost = 0.0;
        long in = 0, out = 0;
        int steps = 0, calls = 0, estimated = 0;
        for (RunEvent e : events) {
            if (!RunEvent.STEP_FINISHED.equals(e.type())) continue;
            Map<String, Object> d = e.data();
            steps++;
            in += number(d.get("inputTokens"));
            out += number(d.get("outputTokens"));
            calls += (int) number(d.get("calls"));
            if (Boolean.TRUE.equals(d.get("tokensEstimated"))) estimated++;
            cost = cost == null || !(d.get("costUsd") instanceof Number c) ? null : cost + c.doubleValue();
        }
        t.put("costUsd", cost);
        t.put("inputTokens", in);
        t.put("outputTokens", out);
        t.put("stepsFinished", steps);
        t.put("modelCalls", calls);
        t.put("tokenSource", steps == 0 ? null : estimated == 0 ? "provider usage" : estimated == steps ? "estimated" : "mixed: estimated in " + estimated + " of " + steps + " steps");
        t.put("final", false);
        return t;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
