package ai.atelier.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders bench results as the markdown page linked from the README, each target marked met or missed. */
final class ResultsMarkdown {
    private ResultsMarkdown() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r, Map<String, Object> before) {
        StringBuilder b = new StringBuilder("# Atelier benchmarks\n\n");
        b.append("Produced by `bench/run` (`bench/run --only latency,overhead,throughput,coldstart` for a subset). Every number in a\n")
                .append("section comes from one run of that section; medians of repeated runs. The machine is shared with other work, so the\n")
                .append("1-minute load average before and after each section is given: on 2 cores, a load of 10 means our threads got a\n")
                .append("fraction of a core at times, which shows up in tails (p90, p99) first.\n\n");
        b.append("| environment | |\n|---|---|\n");
        ((Map<String, Object>) r.get("environment")).forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        latency(b, (Map<String, Object>) r.get("latency"));
        overhead(b, (Map<String, Object>) r.get("overhead"), before);
        throughput(b, (Map<String, Object>) r.get("throughput"), before == null ? null : (Map<String, Object>) before.get("throughput"));
        coldStart(b, (Map<String, Object>) r.get("coldstart"));
        telemetry(b, (Map<String, Object>) r.get("telemetry"));
        return b.toString();
    }

    private static void stamp(StringBuilder b, Map<String, Object> s) {
        b.append("_Measured ").append(s.get("measuredAt")).append(" at commit ").append(s.get("commit")).append(", ")
                .append(s.get("seconds")).append(" s, load average ").append(s.get("loadAverage")).append(" (before, after)._\n\n");
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**missed**";
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static void latency(StringBuilder b, Map<String, Object> s) {
        if (s == null) return;
        b.append("\n## 1. Parallel latency — SIMULATION\n\n");
        stamp(b, s);
        b.append("**This is a SIMULATION**: ").append(s.get("simulation")).append(". Each model call waits the latency the AWS reference run\n")
                .append("took for that role (log-normal spread 0.15) times the time scale **").append(s.get("timeScale"))
                .append("** (a 20.7 s call waits ").append(String.format(Locale.ROOT, "%.0f", 20700 * d(s.get("timeScale"))))
                .append(" ms); the page content comes from the built-in engine. Visitors rotate over the example profiles.\n\n");
        b.append("| measure (median of ").append(s.get("runs")).append(" sites) | ms |\n|---|---|\n");
        b.append("| wall time | ").append(s.get("wallMsMedian")).append(" |\n");
        b.append("| critical path (longest chain of step durations) | ").append(s.get("criticalPathMsMedian")).append(" |\n");
        b.append("| sum of step durations (steps one after another) | ").append(s.get("sumOfStepsMsMedian")).append(" |\n");
        b.append("| sum of call durations (every call one after another, as the reference notebook drew its images) | ")
                .append(s.get("sumOfCallsMsMedian")).append(" |\n");
        ((Map<String, Object>) s.get("stepMsMedian")).forEach((k, v) -> b.append("| step ").append(k).append(" | ").append(v).append(" |\n"));
        double wc = d(s.get("wallOverCriticalPathMedian")), wcMax = d(s.get("wallOverCriticalPathMax"));
        double ws = d(s.get("wallOverSumOfStepsMedian")), wk = d(s.get("wallOverSumOfCallsMedian"));
        b.append("\n| ratio | median | target | |\n|---|---|---|---|\n");
        b.append("| wall / sum of calls (sequential) | ").append(wk).append(" | ≤ 0.5 | ").append(verdict(wk <= 0.5)).append(" |\n");
        b.append("| wall / sum of step durations | ").append(ws).append(" | (≤ 0.5 if read per step) | ").append(verdict(ws <= 0.5)).append(" |\n");
        b.append("| wall / critical path | ").append(wc).append(" (worst ").append(wcMax).append(") | ≤ 1.02 | ").append(verdict(wc <= 1.02)).append(" |\n");
        b.append("\nReading: the artist's images overlap each other and the developer, so the wall time is the personalizer plus the\n")
                .append("longer of developer and artist, plus QA. Measured per step, the personas workflow has only one pair of parallel\n")
                .append("steps (artist ∥ developer) after a personalizer that everything waits for, so wall / (sum of step durations) cannot\n")
                .append("reach 0.5 with the reference run's latencies: the personalizer (20.7 s) and developer (23.2 s) alone are 79% of the\n")
                .append("step sum. Against the sequential execution the reference notebook actually did (each image after the other), the\n")
                .append("target holds. The wall / critical-path ratio is what orchestration adds on top of the unavoidable chain.\n");
    }

    @SuppressWarnings("unchecked")
    private static void telemetry(StringBuilder b, Map<String, Object> s) {
        if (s == null) return;
        b.append("\n## 5. Telemetry off vs on (built-in engine, warm JVM, one run)\n\n");
        stamp(b, s);
        b.append("One JVM, two Atelier instances (telemetry off, the default; and on: the OpenTelemetry SDK exporting OTLP/HTTP\n")
                .append("protobuf to a local sink that discards it), rounds interleaved off-on / on-off so load from other processes hits both\n")
                .append("alike; the same visitor in both arms of a round; personas with QA, browser checks left out; ")
                .append(s.get("warmupRoundsPerArm")).append(" warm-up rounds per arm first. The on arm's spans are flushed after its wall time\n")
                .append("is taken and before its CPU time is, so its CPU includes serialising and sending them. CPU is process CPU time over the site.\n\n");
        b.append("| arm | sites | wall median (ms) | wall p90 (ms) | CPU median (ms) | CPU p90 (ms) | report tokens (sum) |\n|---|---|---|---|---|---|---|\n");
        for (String k : List.of("off", "on")) {
            Map<String, Object> m = (Map<String, Object>) s.get(k);
            if (m == null) continue;
            b.append("| telemetry ").append(k).append(" | ").append(m.get("sites")).append(" | ").append(m.get("wallMsMedian")).append(" | ")
                    .append(m.get("wallMsP90")).append(" | ").append(m.get("cpuMsMedian")).append(" | ").append(m.get("cpuMsP90")).append(" | ")
                    .append(m.get("reportTokens")).append(" |\n");
        }
        b.append("\nMedian ratio on / off: wall ").append(s.get("wallMedianRatioOnOverOff")).append(", CPU ").append(s.get("cpuMedianRatioOnOverOff"))
                .append(". Paired (each round's on minus off), median: wall ").append(s.get("pairedWallDiffMsMedian")).append(" ms, CPU ")
                .append(s.get("pairedCpuDiffMsMedian")).append(" ms. OTLP requests received by the sink: ").append(s.get("otlpRequests"))
                .append(" (").append(s.get("otlpBytes")).append(" bytes). Load average sampled during the run: ").append(s.get("loadAverageDuring")).append(".\n")
                .append("\nRead these with the load average: on a loaded shared machine both arms are slowed alike, but a difference of a few\n")
                .append("per cent drowns in the noise; rerun on a quiet machine with `bench/run --only telemetry` (`--quick`: 20 + 30 rounds).\n");
    }

    @SuppressWarnings("unchecked")
    private static void overhead(StringBuilder b, Map<String, Object> s, Map<String, Object> before) {
        if (s == null) return;
        b.append("\n## 2. Orchestration overhead per site (built-in engine, warm JVM)\n\n");
        stamp(b, s);
        b.append("Every step is instant (no model is waited for); the built-in personas still retrieve, tokenize every prompt and\n")
                .append("output for the report's token estimates, draw SVG, render the page, write files atomically and (with QA) parse\n")
                .append("and check the page (the W3C HTML checker included) — so this is an upper bound on what Atelier adds to a site.\n")
                .append("The browser checks (axe-core, phone-width scroll, screenshots) are left out, as the issue's target says. Visitors rotate\n")
                .append("over the example profiles. CPU is process CPU time over all measured sites / sites.\n\n")
                .append("One model is not instant: the personalizer's retrieval embeds the visitor's query with all-MiniLM-L6-v2 (ONNX, in\n")
                .append("process), on the critical path. Its inference time is measured per site (`Embedder.inferenceNanos`) and shown apart;\n")
                .append("the target (≤ 20 ms per site) is judged on the wall time without it, which is what orchestration adds next to the models.\n\n");
        Map<String, Object> old = before == null ? null : (Map<String, Object>) before.get("overhead");
        b.append("| workflow | sites | wall median (ms) | wall p90 (ms) | CPU per site (ms) | query embedding, median (ms) | wall without the embedding model, median (ms) | target ≤ 20 ms |");
        if (old != null) b.append(" before: wall median | before: CPU per site |");
        b.append("\n|---|---|---|---|---|---|---|---|").append(old != null ? "---|---|" : "").append("\n");
        for (String k : List.of("withoutQa", "withQa")) {
            Map<String, Object> m = (Map<String, Object>) s.get(k);
            if (m == null) continue;
            b.append("| personas, ").append(k.equals("withQa") ? "with QA checks" : "without QA").append(" | ").append(m.get("runs"))
                    .append(" | ").append(m.get("wallMsMedian")).append(" | ").append(m.get("wallMsP90")).append(" | ")
                    .append(m.get("cpuMsPerSite")).append(" | ").append(m.get("embeddingMsMedian")).append(" | ").append(m.get("wallWithoutEmbeddingMsMedian"))
                    .append(" | ").append(verdict(d(m.get("wallWithoutEmbeddingMsMedian")) <= 20)).append(" |");
            if (old != null) {
                Map<String, Object> o = (Map<String, Object>) old.get(k);
                b.append(" ").append(o == null ? "–" : o.get("wallMsMedian")).append(" | ").append(o == null ? "–" : o.get("cpuMsPerSite")).append(" |");
            }
            b.append("\n");
        }
        if (old != null) {
            b.append("\n\"Before\" is the same benchmark at commit ").append(old.get("commit")).append(" (").append(old.get("measuredAt"))
                    .append(", load average ").append(old.get("loadAverage")).append("), before the fixes below.\n");
            Object bt = old.get("reportTokenTotals"), at = s.get("reportTokenTotals");
            b.append("\nReport token totals per example profile (input/output, personas with QA) before and after: ")
                    .append(bt != null && bt.equals(at) ? "**identical**." : "different, because the pages are: retrieval has changed since the baseline\n"
                            + "(hybrid BM25 + MiniLM, issue 4), so the personalizer finds other passages. When the token-count fix (Fix 1) went in, the\n"
                            + "totals were checked identical before and after on the same code (and `TokenCounterTest` keeps checking the counts).")
                    .append("\n\nSince the baseline, two real components joined the path and cost time of their own: the MiniLM query embedding (the\n")
                    .append("column above) and the W3C HTML checker in QA (about 4 ms of CPU per page once warm, run beside the other checks).\n");
            if (before.get("notes") instanceof List<?> notes) {
                b.append("\nWhat the profile showed and what was fixed:\n\n");
                notes.forEach(n -> b.append("- ").append(n).append("\n"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void throughput(StringBuilder b, Map<String, Object> s, Map<String, Object> old) {
        if (s == null) return;
        b.append("\n## 3. Throughput under load\n\n");
        stamp(b, s);
        b.append("A local server speaking the OpenAI wire format (Chat Completions with usage fields, Images as b64_json) answers every\n")
                .append("call after **").append(s.get("serverDelayMs")).append(" ms**, scheduled rather than slept so the server holds no thread per request.\n")
                .append("Config: ").append(s.get("config")).append(". A site makes two rounds of calls (personalizer; then three images in\n")
                .append("parallel with the developer), then QA. The ideal is one site alone (N = 1, median): **").append(s.get("idealMs"))
                .append(" ms**; the ratio is the wall time of N concurrent sites over it. Heap per site: peak sampled used heap minus the\n")
                .append("collected baseline, over N (an upper bound: it includes garbage not yet collected).\n\n");
        boolean bounded = s.containsKey("qaCpuMsPerSite");
        b.append("| N | runs | wall median (ms) | sites/minute | p50 latency (ms) | p99 latency (ms) | ratio to ideal | target ≤ 1.10 | failed sites | failed calls | peak heap / site (MiB) | CPU / site (ms) | CPU bound (ms) |")
                .append(bounded ? " QA bound (ms) | QA bound / ideal |" : "").append(" load avg |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|").append(bounded ? "---|---|" : "").append("---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) s.get("rows")) {
            b.append("| ").append(row.get("n")).append(" | ").append(row.get("runs")).append(" | ").append(row.get("wallMsMedian")).append(" | ")
                    .append(row.get("sitesPerMinute")).append(" | ").append(row.get("latencyMsP50")).append(" | ").append(row.get("latencyMsP99"))
                    .append(" | ").append(row.get("ratioToIdeal")).append(" | ")
                    .append(d(row.get("n")) > 256 ? "(no target)" : verdict(d(row.get("ratioToIdeal")) <= 1.10)).append(" | ").append(row.get("failedSites")).append(" | ")
                    .append(row.get("failedCalls")).append(" | ").append(row.get("peakHeapMiBPerSite")).append(" | ").append(row.get("cpuMsPerSite"))
                    .append(" | ").append(row.get("cpuBoundMs")).append(" | ");
            if (bounded) b.append(row.get("qaBoundMs")).append(" | ").append(row.get("qaBoundRatio")).append(" | ");
            b.append(row.get("loadAverage")).append(" |\n");
        }
        b.append("\nCPU / site is process CPU time during the batch over N (client, the fake server, GC, JIT). CPU bound is the least wall\n")
                .append("time any scheduler could reach on this machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores: max(ideal, N × CPU per site / cores), with the cores to ourselves.\n");
        if (bounded) {
            b.append("\n**QA bound.** QA reviews a site after its last answer, and QA is CPU work: **").append(s.get("qaCpuMsPerSite"))
                    .append(" ms of CPU per site** here\n(the QA agent of this benchmark reviewing a site generated through the same config, timed by the CPU clocks of\n")
                    .append("the calling thread and of QA's heavy-check threads; the W3C HTML checker is most of it). No site's last answer comes before two server delays,\n")
                    .append("and after that all N sites' QA is still to do, so no scheduler finishes before 2 × delay + N × QA CPU / cores:\n")
                    .append("the QA bound column. Everything else a site does (retrieval, building and parsing requests, rendering) only adds to it.\n");
        }
        List<Map<String, Object>> rowsList = (List<Map<String, Object>>) s.get("rows");
        Map<String, Object> r256 = rowsList.stream().filter(x -> d(x.get("n")) == 256).findFirst().orElse(null);
        if (r256 != null && d(r256.get("ratioToIdeal")) > 1.10) {
            int cores = Runtime.getRuntime().availableProcessors();
            double ideal = d(s.get("idealMs"));
            b.append("\n**Why the 256-site target is missed.** ");
            if (bounded && d(r256.get("qaBoundRatio")) > 1.10) {
                double qa = d(s.get("qaCpuMsPerSite"));
                b.append("It cannot be met on ").append(cores).append(" cores while every site is checked by QA: the QA bound alone is ")
                        .append(r256.get("qaBoundRatio")).append(" × the ideal at N = 256. Within 10% of the ")
                        .append(String.format(Locale.ROOT, "%.0f", ideal)).append(" ms ideal, QA (and everything else after a site's last answer)\n")
                        .append("would have to fit in ").append(String.format(Locale.ROOT, "%.1f", (1.1 * ideal - 2.0 * d(s.get("serverDelayMs"))) * cores / 256))
                        .append(" ms of CPU per site; it takes ").append(String.format(Locale.ROOT, "%.1f", qa))
                        .append(" ms. The measured wall time is above the bound by the rest of each site's CPU\n")
                        .append("(").append(r256.get("cpuMsPerSite")).append(" ms per site in all: retrieval embeds each visitor's query, the model calls' requests are built and\n")
                        .append("parsed, images decoded, the page rendered and written, plus GC, JIT and the fake server in the same process) and by\n")
                        .append("a shared machine (load average column).\n");
            } else {
                b.append("A site costs about ").append(r256.get("cpuMsPerSite"))
                        .append(" ms of CPU on this path, and no scheduler can finish N sites before N × CPU per site / ").append(cores)
                        .append(" cores (the CPU bound column).\n");
            }
            b.append("What was in Atelier's way and is fixed: the per-model limit of 4 calls in flight (raised in the config), a new HTTP\n")
                    .append("client per image, a new Jackson mapper per developer call, and the W3C checker recompiling its schemas for every page\n")
                    .append("(see the note below). There are no errors at any N, and heap per site stays small.\n");
        }
        Map<String, Object> r256now = ((List<Map<String, Object>>) s.get("rows")).stream().filter(x -> d(x.get("n")) == 256).findFirst().orElse(null);
        if (old != null && r256now != null) {
            b.append("\n**Before and after the W3C-checker fix** (Fix 4 under section 2), N = ").append(old.get("n")).append(": before, at commit ")
                    .append(old.get("commit")).append(" (").append(old.get("how")).append("): wall ").append(old.get("wallMs"))
                    .append(" ms, ratio to ideal ").append(old.get("ratioToIdeal")).append(", CPU per site ").append(old.get("cpuMsPerSite"))
                    .append(" ms. After (the table): wall ").append(r256now.get("wallMsMedian")).append(" ms, ratio ").append(r256now.get("ratioToIdeal"))
                    .append(", CPU per site ").append(r256now.get("cpuMsPerSite")).append(" ms.\n");
        }
        b.append("\n![throughput](throughput.png)\n\n![ratio to ideal](throughput-ratio.png)\n");
        Map<String, Object> live = (Map<String, Object>) s.get("liveHeap");
        if (live != null) {
            b.append("\nLive heap per in-flight site: ").append(live.get("n")).append(" sites started with the server holding every call for ")
                    .append(live.get("serverDelayMs")).append(" ms; when 90% of their calls had been sent, with ").append(live.get("sitesInFlightAtMeasurement"))
                    .append(" sites unfinished and ").append(live.get("callsInFlightAtMeasurement"))
                    .append(" calls waiting, a full collection left **").append(live.get("liveHeapMiBPerSite")).append(" MiB per unfinished site** above the baseline")
                    .append(" (target ≤ 2 MB: ").append(live.get("liveHeapMiBPerSite") == null ? "not measured" : verdict(d(live.get("liveHeapMiBPerSite")) <= 2))
                    .append(").\n");
        }
        Map<String, Object> cap = (Map<String, Object>) s.get("defaultConcurrencyN64");
        if (cap != null) {
            b.append("\nWith the default per-model concurrency limit (4 calls in flight), 64 sites take **").append(cap.get("wallMs"))
                    .append(" ms** instead of the row above: the limit protects small local servers and rate-limited APIs, and a\n")
                    .append("deployment that serves many sites at once raises it with `concurrency:` on the model in the config, as this benchmark does.\n");
        }
        if (s.get("notes") instanceof List<?> notes) notes.forEach(n -> b.append("\n").append(n).append("\n"));
    }

    @SuppressWarnings("unchecked")
    private static void coldStart(StringBuilder b, Map<String, Object> s) {
        if (s == null) return;
        b.append("\n## 4. Cold start: one `atelier generate` process\n\n");
        stamp(b, s);
        b.append("`./atelier generate --profile examples/profiles/manufacturing-priya-raman.json` (the launcher: the jar, with the class-data\n")
                .append("archive it records after a build) on the built-in\n")
                .append("engine, spawn to exit, median of ").append(s.get("runs")).append(" runs (after one uncounted run that warms the file cache).\n")
                .append("Phases come from the command itself (`ATELIER_TIMINGS=1` prints them to stderr).\n");
        b.append("\n### As users run it (browser checks on: Chromium is installed here)\n\n");
        coldStartTable(b, s);
        b.append("\nThe rows marked \"in the background\" are started together at start-up (Atelier.warmUp: the tokenizer's vocabulary,\n")
                .append("the embedding model, the W3C checker's schemas and headless Chromium) and overlap each other and the steps; a step that\n")
                .append("needs one before it is ready waits for it inside its own time, so they are shown apart and not added to the loading share.\n");
        if (s.get("noBrowser") instanceof Map<?, ?> nb) {
            b.append("\n### With `--no-browser`\n\n");
            coldStartTable(b, (Map<String, Object>) nb);
        }
        b.append("\nBefore and after the start-up work of the fresh-machine issue (parallel warm-up, class-data archive), measured side by\n")
                .append("side under the same load: [results-coldstart.md](results-coldstart.md).\n");
        b.append("\nSteps (`step:*`) run inside `generate`; the rest of the process is JVM exit and what the phases do not cover. A warm\n")
                .append("process (`atelier serve`, a batch) pays each load once; one `generate` process pays them all for one site.\n");
    }

    @SuppressWarnings("unchecked")
    private static void coldStartTable(StringBuilder b, Map<String, Object> s) {
        b.append("Process wall time: **").append(s.get("processWallMsMedian")).append(" ms**; loading models and validators: **")
                .append(s.get("loadingModelsAndValidatorsMs")).append(" ms = ")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * d(s.get("loadingModelsAndValidatorsShare")))).append("** of it (phases of those kinds).\n\n");
        b.append("| phase | kind | median (ms) | share of process |\n|---|---|---|---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) s.get("phases")) {
            b.append("| ").append(row.get("phase")).append(" | ").append(row.get("kind")).append(" | ").append(row.get("msMedian")).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * d(row.get("shareOfProcess")))).append(" |\n");
        }
    }

}
