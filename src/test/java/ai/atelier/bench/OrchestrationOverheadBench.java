package ai.atelier.bench;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Embedder;
import ai.atelier.knowledge.Retriever;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark 2: what one site costs on the built-in engine in a warm JVM, wall and CPU, with and
 * without the QA step. Every step is "instant" in the sense that no model is waited for; the
 * built-in personas still do real work (retrieval, tokenizing every prompt for token estimates,
 * drawing, rendering, writing files), so this is an upper bound on what Atelier adds to a site.
 * Sites rotate over every example profile, so caches only help where content really repeats.
 * It also records each profile's report token totals, so an optimisation can be checked to leave
 * the report's numbers unchanged.
 */
final class OrchestrationOverheadBench {
    private OrchestrationOverheadBench() {}

    static Map<String, Object> run(Path scratch, int warmup, int runs) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Atelier atelier = Atelier.builder().quality(QualityConfig.defaults().withBrowser(false)).company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).build()) {
            atelier.retriever(ai.atelier.knowledge.IngestListener.SILENT);
            List<Profile> profiles = BenchInputs.profiles();
            Path noQaFile = scratch.resolve("personas-no-qa.yaml");
            Files.writeString(noQaFile, "name: personas-no-qa\nsteps:\n  - {id: personalizer, persona: personalizer}\n"
                    + "  - {id: artist, persona: artist, after: [personalizer]}\n"
                    + "  - {id: developer, persona: frontend-developer, after: [personalizer]}\n");
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("withoutQa", noQaFile.toString());
            variants.put("withQa", "personas");
            Map<String, List<Double>> wall = new LinkedHashMap<>(), embedding = new LinkedHashMap<>(), withoutEmbedding = new LinkedHashMap<>();
            Embedder embedder = atelier.knowledge().embedder();
            Map<String, Long> cpuNanos = new LinkedHashMap<>();
            Map<String, Long> tokens = new TreeMap<>();
            variants.keySet().forEach(k -> {
                wall.put(k, new ArrayList<>());
                embedding.put(k, new ArrayList<>());
                withoutEmbedding.put(k, new ArrayList<>());
                cpuNanos.put(k, 0L);
            });
            // Variants interleave, so a burst of load from other processes hits both alike.
            for (int i = 0; i < warmup + runs; i++) {
                for (var v : variants.entrySet()) {
                    Profile p = profiles.get(i % profiles.size());
                    Path dir = scratch.resolve(v.getKey() + "-" + i);
                    long cpu0 = Cpu.processNanos(), e0 = embedder.inferenceNanos(), t0 = System.nanoTime();
                    ai.atelier.SiteResult res = atelier.generate(new ai.atelier.SiteJob(p, v.getValue(), ai.atelier.SiteJob.Options.in(dir), "bench-" + i), RunListener.NONE);
                    long t1 = System.nanoTime(), cpu1 = Cpu.processNanos(), e1 = embedder.inferenceNanos();
                    // Without QA no quality report exists, so only a failed step counts as failure there.
                    if (res.report().failedStep() != null || (v.getKey().equals("withQa") && !res.ok())) throw new IllegalStateException("overhead bench: site failed: " + res.report().error());
                    if (i >= warmup) {
                        wall.get(v.getKey()).add((t1 - t0) / 1e6);
                        // The personalizer's retrieval embeds the visitor's query: model inference, on the critical path.
                        embedding.get(v.getKey()).add((e1 - e0) / 1e6);
                        withoutEmbedding.get(v.getKey()).add((t1 - t0 - (e1 - e0)) / 1e6);
                        cpuNanos.merge(v.getKey(), cpu1 - cpu0, Long::sum);
                    }
                    if (v.getKey().equals("withQa")) {
                        tokens.put(p.id() != null ? p.id() : p.name(), res.report().totals().inputTokens() * 1_000_000L + res.report().totals().outputTokens());
                    }
                    BenchInputs.delete(dir);
                }
            }
            for (String k : variants.keySet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runs", runs);
                m.put("wallMsMedian", Stats.round(Stats.median(wall.get(k))));
                m.put("wallMsP90", Stats.round(Stats.percentile(wall.get(k), 90)));
                m.put("cpuMsPerSite", Stats.round(cpuNanos.get(k) / 1e6 / runs));
                m.put("embeddingMsMedian", Stats.round(Stats.median(embedding.get(k))));
                m.put("wallWithoutEmbeddingMsMedian", Stats.round(Stats.median(withoutEmbedding.get(k))));
                out.put(k, m);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            tokens.forEach((id, packed) -> t.put(id, Map.of("inputTokens", packed / 1_000_000L, "outputTokens", packed % 1_000_000L)));
            out.put("reportTokenTotals", t);
        }
        return out;
    }
}
