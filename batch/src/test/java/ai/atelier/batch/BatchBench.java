package ai.atelier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The batch benchmark (bench/batch-bench): batches of generated visitors ({@link VisitorGenerator},
 * stated industry mix) through {@code atelier batch} on {@code local[2]}, the personalizer on a local
 * OpenAI-wire server answering after a fixed delay (a SIMULATION of a provider: fixed usage, so cost
 * per site is the catalog price of that usage), the other roles on the built-in engine, QA without
 * the browser. Each size runs twice: the batch, then the same command again (the rerun, which must
 * make nothing). Appends one row per size to bench/results-batch.md.
 */
public final class BatchBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        long delayMs = 1000;
        String master = "local[2]";
        Path results = Path.of("bench/results-batch.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--delay-ms" -> delayMs = Long.parseLong(args[++i]);
                case "--master" -> master = args[++i];
                case "--results" -> results = Path.of(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) sizes = List.of(100);
        Path work = Files.createTempDirectory("atelier-batch-bench");
        try (OpenAiWireServer wire = new OpenAiWireServer(delayMs)) {
            Path config = wire.config(work, 8);
            for (int n : sizes) {
                Path profiles = work.resolve("visitors-" + n + ".jsonl");
                Files.write(profiles, VisitorGenerator.generate(n, 17));
                Path out = work.resolve("out-" + n);
                String[] a = {"--profiles", profiles.toString(), "--out", out.toString(), "--config", config.toString(), "--no-browser", "--master", master};
                double load0 = load();
                long t0 = System.nanoTime();
                int code = BatchCommand.execute(System.err, a);
                long wall = (System.nanoTime() - t0) / 1_000_000;
                JsonNode s = JSON.readTree(out.resolve("batch.json").toFile());
                long r0 = System.nanoTime();
                int code2 = BatchCommand.execute(System.err, a);
                long rerun = (System.nanoTime() - r0) / 1_000_000;
                JsonNode s2 = JSON.readTree(out.resolve("batch.json").toFile());
                double load1 = load();
                String row = String.format(Locale.ROOT, "| %s | %d | %s | %d / %d / %d / %d | %.1f | %.2f | $%.6f | — | %d / %d ms | %.0f | %s (%d skipped-done, %d made again) | %.1f–%.1f | %d, %d |%n",
                        Instant.now().toString().substring(0, 16), n, master, s.path("done").asInt(), s.path("gateFailed").asInt(), s.path("failed").asInt(),
                        s.path("notStarted").asInt(), s.path("sitesPerMinute").asDouble(), n / (wall / 60000.0), s.path("costPerSiteUsd").asDouble(),
                        s.path("p50WallMs").asLong(), s.path("p95WallMs").asLong(), wall / 1000.0, Progress.duration(rerun / 1000.0),
                        s2.path("skippedDone").asInt(), s2.path("madeNow").asInt(), load0, load1,
                        code, code2);
                if (!Files.exists(results)) Files.writeString(results, header(delayMs));
                Files.writeString(results, row, StandardOpenOption.APPEND);
                System.err.print("bench: " + row);
            }
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String header(long delayMs) {
        return """
                # Batch benchmark (`bench/batch-bench`)

                `atelier batch` over generated visitors (industry mix: manufacturing 35 %%, retail 25 %%, logistics 20 %%,
                healthcare 15 %%, agriculture 5 %% — the last has no research of its own), workflow `personas`, on Spark
                `local[2]` in-process. The personalizer runs on a local OpenAI-wire server that answers every call after a
                fixed delay of %d ms with a fixed answer and fixed usage (3,000 prompt / 800 completion tokens): a SIMULATION
                of a provider's latency, so the cost per site is the catalog price of that usage (gpt-4o-mini), not a
                provider's bill. Artist and front-end developer on the built-in engine; QA without the browser checks.
                Sites per minute: as Spark measured it (sites made / batch wall time, Spark start included: `batch.json`),
                and N / wall time of the whole command. The rerun is the same command again: it must make nothing.
                Reuse (cross-visitor cache) on/off: not built yet, column left for it.

                | when (UTC) | visitors | master | done / gate-failed / failed / not started | sites/min (batch.json) | sites/min (N / command wall) | cost per site | cost per site, reuse on | site p50 / p95 | batch wall s | rerun | load avg before–after | exit codes |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                """.formatted(delayMs);
    }
}
