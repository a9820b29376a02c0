package ai.atelier.bench;

import java.util.Map;

/** Renders bench results as the markdown page linked from the README. */
final class ResultsMarkdown {
    private ResultsMarkdown() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r) {
        StringBuilder b = new StringBuilder("# Atelier benchmarks\n\n");
        b.append("Produced by `bench/run`; every number below comes from this one run.\n\n");
        b.append("| environment | |\n|---|---|\n");
        ((Map<String, Object>) r.get("environment")).forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Map<String, Object> o = (Map<String, Object>) r.get("orchestrationOverhead");
        if (o != null) {
            b.append("\n## Orchestration overhead per site (built-in engine, warm JVM)\n\n");
            b.append("The built-in personas do real work (retrieval, tokenizing each prompt for token estimates, drawing SVG, rendering),\n");
            b.append("so this bounds what Atelier itself adds to a site. Target: ≤ 20 ms per site without browser checks.\n\n");
            b.append("| workflow | runs | wall median (ms) | wall p90 (ms) | CPU median (ms) |\n|---|---|---|---|---|\n");
            o.forEach((k, v) -> {
                Map<String, Object> m = (Map<String, Object>) v;
                b.append("| personas, ").append(k.equals("withQa") ? "with QA checks" : "without QA").append(" | ").append(m.get("runs"))
                        .append(" | ").append(m.get("wallMsMedian")).append(" | ").append(m.get("wallMsP90")).append(" | ")
                        .append(m.get("cpuMsMedian")).append(" |\n");
            });
        }
        return b.toString();
    }
}
