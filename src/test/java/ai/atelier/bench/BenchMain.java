package ai.atelier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs Atelier's benchmarks and writes bench/results.json and bench/results.md. Start it with
 * {@code bench/run}; every figure in results.md comes from the same run.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("atelier-bench");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("environment", BenchEnvironment.describe());
        System.err.println("[bench] orchestration overhead (built-in engine, warm JVM)…");
        results.put("orchestrationOverhead", OrchestrationOverheadBench.run(scratch, 20, 50));
        Path outDir = Path.of(args.length > 0 ? args[0] : "bench");
        Files.createDirectories(outDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("results.json").toFile(), results);
        Files.writeString(outDir.resolve("results.md"), ResultsMarkdown.render(results));
        System.err.println("[bench] wrote " + outDir.resolve("results.md"));
    }
}
