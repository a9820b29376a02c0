package ai.atelier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 4: the whole {@code atelier generate} process for one site on the built-in engine,
 * from spawning the JVM to its exit, and where the time goes. The command prints its phases with
 * {@code ATELIER_TIMINGS=1} (see the CLI's PhaseTimings), each tagged with a kind; this reports
 * the median of every phase that exists, so phases added later (an embedding index, browser
 * validators) appear without changing the benchmark, and the share of the kinds load-model and
 * load-validators in the total (loads of kind background-load overlap the rest and are not added).
 */
final class ColdStartBench {
    static final Path LAUNCHER = Path.of("atelier");

    private ColdStartBench() {}

    /**
     * The command as users run it (browser checks on when Chromium is installed), and again with
     * {@code --no-browser}: starting Chromium for the axe-core, scroll and screenshot checks is the
     * largest single cost of one cold site, and it shows inside the QA step.
     */
    static Map<String, Object> run(Path scratch, Path jar, int runs) throws Exception {
        Map<String, Object> m = run(scratch, jar, runs, List.of());
        m.put("noBrowser", run(scratch, jar, runs, List.of("--no-browser")));
        return m;
    }

    static Map<String, Object> run(Path scratch, Path jar, int runs, List<String> extra) throws Exception {
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: build it with mvn package first");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> totals = new ArrayList<>();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int i = -1; i < runs; i++) { // run -1 warms the file cache and is not counted
            Path out = scratch.resolve("cold-" + (i + 1));
            // as users run it: through the launcher (which adds the class-data archive it made after the build)
            List<String> cmd = new ArrayList<>(Files.isExecutable(LAUNCHER) && jar.equals(Path.of("target/atelier.jar"))
                    ? List.of(LAUNCHER.toAbsolutePath().toString()) : List.of(java, "-jar", jar.toString()));
            cmd.addAll(List.of("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--out", out.toString()));
            cmd.addAll(extra);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("ATELIER_TIMINGS", "1");
            pb.environment().remove("ATELIER_CONFIG");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            double ms = (System.nanoTime() - t0) / 1e6;
            BenchInputs.delete(out);
            if (code != 0) throw new IOException("atelier generate exited with " + code + ": " + err);
            if (i < 0) continue;
            totals.add(ms);
            for (String line : err.lines().filter(l -> l.startsWith("atelier-timing ")).toList()) {
                String[] f = line.split(" ", 4);
                phases.computeIfAbsent(f[3], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
                kinds.put(f[3], f[2]);
            }
        }
        double total = Stats.median(totals);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("arguments", String.join(" ", extra));
        m.put("processWallMsMedian", Stats.round(total));
        List<Map<String, Object>> rows = new ArrayList<>();
        double loading = 0;
        for (var e : phases.entrySet()) {
            double med = Stats.median(e.getValue());
            String kind = kinds.get(e.getKey());
            if (kind.equals("load-model") || kind.equals("load-validators")) loading += med;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", e.getKey());
            row.put("kind", kind);
            row.put("msMedian", Stats.round(med));
            row.put("shareOfProcess", ParallelLatencyBench.round3(med / total));
            rows.add(row);
        }
        m.put("phases", rows);
        m.put("loadingModelsAndValidatorsMs", Stats.round(loading));
        m.put("loadingModelsAndValidatorsShare", ParallelLatencyBench.round3(loading / total));
        return m;
    }
}
