package ai.atelier.bench;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.WorkflowDefinition;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 2: what one site costs on the built-in engine in a warm JVM, wall and CPU, with and
 * without the QA step. The built-in personas do real work (retrieval, tokenizing every prompt,
 * drawing, rendering), so this is an upper bound on orchestration overhead per site.
 */
final class OrchestrationOverheadBench {
    private OrchestrationOverheadBench() {}

    static Map<String, Object> run(Path scratch, int warmup, int runs) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> out = new LinkedHashMap<>();
        try (Atelier atelier = Atelier.builtin()) {
            Company c = atelier.loadCompany(Path.of("examples/company"));
            Retriever r = atelier.retrieverFor(c);
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            Path noQaFile = scratch.resolve("personas-no-qa.yaml");
            Files.writeString(noQaFile, "name: personas-no-qa\nsteps:\n  - {id: personalizer, persona: personalizer}\n"
                    + "  - {id: artist, persona: artist, after: [personalizer]}\n"
                    + "  - {id: developer, persona: frontend-developer, after: [personalizer]}\n");
            for (var entry : Map.of("withQa", atelier.loadWorkflow("personas"), "withoutQa", atelier.loadWorkflow(noQaFile.toString())).entrySet()) {
                WorkflowDefinition wf = entry.getValue();
                List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    Path dir = scratch.resolve(entry.getKey() + "-" + i);
                    long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                    atelier.generate(p, c, r, wf, dir, "bench-" + i, RunListener.NONE);
                    long t1 = System.nanoTime(), cpu1 = os.getProcessCpuTime();
                    if (i >= warmup) {
                        wall.add((t1 - t0) / 1e6);
                        cpu.add((cpu1 - cpu0) / 1e6);
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runs", runs);
                m.put("wallMsMedian", round(Stats.median(wall)));
                m.put("wallMsP90", round(Stats.percentile(wall, 90)));
                m.put("cpuMsMedian", round(Stats.median(cpu)));
                out.put(entry.getKey(), m);
            }
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
