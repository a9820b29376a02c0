package ai.atelier.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Atelier's benchmarks and writes bench/results.json and bench/results.md (with charts).
 * Start it with {@code bench/run}; {@code bench/run --only throughput,overhead} runs a subset and
 * keeps the other sections of an earlier results.json (each section says when it was measured).
 * Every figure within a section comes from the same run.
 */
public final class BenchMain {
    static final List<String> ALL = List.of("latency", "overhead", "throughput", "coldstart", "telemetry");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path outDir = Path.of("bench");
        List<String> only = ALL;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::strip).toList();
                case "--out" -> outDir = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--render-only" -> only = List.of(); // rewrite results.md and charts from results.json
                case "-h", "--help" -> {
                    System.out.println("usage: bench/run [--only " + String.join(",", ALL) + "] [--out DIR] [--quick] [--render-only]");
                    return;
                }
                default -> {
                    if (i == 0 && !args[i].startsWith("-")) outDir = Path.of(args[i]); // legacy: output folder first
                    else throw new IllegalArgumentException("unknown argument " + args[i] + "; try --help");
                }
            }
        }
        for (String b : only) if (!ALL.contains(b)) throw new IllegalArgumentException("unknown benchmark " + b + "; known: " + String.join(", ", ALL));
        Files.createDirectories(outDir);
        Path json = outDir.resolve("results.json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> results = new LinkedHashMap<>();
        if (!only.containsAll(ALL) && Files.isRegularFile(json)) {
            results.putAll(mapper.readValue(json.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {}));
        }
        if (!only.isEmpty()) results.put("environment", BenchEnvironment.describe());
        Path scratch = Files.createTempDirectory("atelier-bench");
        try {
            for (String b : ALL) {
                if (!only.contains(b)) continue;
                System.err.println("[bench] " + b + " (load average " + Cpu.loadAverage() + ")…");
                double load0 = Cpu.loadAverage();
                Instant t0 = Instant.now();
                Map<String, Object> section = switch (b) {
                    case "latency" -> ParallelLatencyBench.run(scratch, 0.05, quick ? 1 : 2, quick ? 3 : 9);
                    case "overhead" -> OrchestrationOverheadBench.run(scratch, quick ? 30 : 400, quick ? 30 : 120);
                    case "throughput" -> ThroughputBench.run(scratch, 500, quick ? new int[] {1, 16, 64} : new int[] {1, 16, 64, 256, 1024}, quick ? 2 : 3);
                    case "coldstart" -> ColdStartBench.run(scratch, Path.of("target/atelier.jar"), 5);
                    case "telemetry" -> TelemetryOverheadBench.run(scratch, quick ? 20 : 60, quick ? 30 : 120);
                    default -> throw new IllegalStateException(b);
                };
                Map<String, Object> stamped = new LinkedHashMap<>();
                stamped.put("measuredAt", t0.toString());
                stamped.put("commit", BenchEnvironment.describe().get("commit"));
                stamped.put("seconds", Math.round((Instant.now().toEpochMilli() - t0.toEpochMilli()) / 100.0) / 10.0);
                stamped.put("loadAverage", List.of(load0, Cpu.loadAverage()));
                stamped.putAll(section);
                results.put(b, stamped);
                mapper.writeValue(json.toFile(), results); // keep what is done if a later benchmark fails
            }
        } finally {
            BenchInputs.delete(scratch);
        }
        Path before = outDir.resolve("before-optimisation.json");
        Map<String, Object> baseline = Files.isRegularFile(before)
                ? mapper.readValue(before.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {}) : Map.of();
        mapper.writeValue(json.toFile(), results);
        // Rendered from what was written, so sections compare like with like (numbers as JSON reads them back).
        results = mapper.readValue(json.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        BenchCharts.write(results, outDir);
        Files.writeString(outDir.resolve("results.md"), ResultsMarkdown.render(results, baseline));
        System.err.println("[bench] wrote " + outDir.resolve("results.md"));
    }
}
