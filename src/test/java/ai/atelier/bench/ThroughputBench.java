package ai.atelier.bench;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelCall;
import ai.atelier.model.provider.Providers;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityReport;
import ai.atelier.quality.SiteUnderTest;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.WorkflowDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 3: N sites at once against a local OpenAI-compatible server that answers every call
 * after a fixed delay. Each site makes two rounds of calls (the personalizer; then the artist's
 * images in parallel with the developer), so one site alone takes about two delays plus Atelier's
 * own work: that is the ideal every N is compared with. Errors are counted without retries (the
 * config sets maxRetries: 0) so none are hidden. Heap: used heap is sampled during the run (peak
 * minus the collected baseline, divided by N; it includes garbage not yet collected), and a
 * separate pass collects garbage while all N sites are waiting on the server, for the live heap
 * one in-flight site holds.
 */
final class ThroughputBench {
    private ThroughputBench() {}

    record Batch(int n, double wallMs, List<Double> latenciesMs, int failedSites, int failedCalls, long peakHeapBytes, double cpuMs) {}

    static Map<String, Object> run(Path scratch, long delayMs, int[] sizes, int repeats) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (DelayedOpenAiServer server = new DelayedOpenAiServer(delayMs)) {
            Profile p = new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
            int raised = 16384;
            out.put("serverDelayMs", delayMs);
            out.put("config", "personalizer and frontend-developer on a chat model, artist on an image model, both at the local server; "
                    + "maxRetries 0; concurrency " + raised + " per model (the default is " + ai.atelier.model.ModelSpec.DEFAULT_CONCURRENCY + ")");
            QaAgent qa = BenchInputs.qaWithoutBrowser();
            try (Atelier atelier = Atelier.builder().config(config(scratch, server.baseUrl(), raised)).qa(qa).company(Path.of("examples/company"))
                    .pricer(ai.atelier.economics.CostEstimator.reference()).stepThreads(STEP_THREADS).build()) {
                Company c = atelier.loadCompany(Path.of("examples/company"));
                Retriever r = atelier.retrieverFor(c, ai.atelier.knowledge.IngestListener.SILENT);
                WorkflowDefinition wf = atelier.loadWorkflow("personas");
                batch(atelier, p, c, r, wf, scratch, 16); // warm-up: JIT, connection pool
                batch(atelier, p, c, r, wf, scratch, 16);
                List<Map<String, Object>> rows = new ArrayList<>();
                double ideal = Double.NaN;
                double qaCpu = qaCpuMs(atelier, qa, p, c, r, wf, scratch);
                int cores = Runtime.getRuntime().availableProcessors();
                for (int n : sizes) {
                    List<Batch> runs = new ArrayList<>();
                    int reps = n == 1 ? Math.max(5, repeats) : n >= 1024 ? Math.max(1, repeats - 1) : repeats;
                    for (int i = 0; i < reps; i++) runs.add(batch(atelier, p, c, r, wf, scratch, n));
                    List<Double> walls = runs.stream().map(Batch::wallMs).toList();
                    List<Double> lat = new ArrayList<>();
                    runs.forEach(b -> lat.addAll(b.latenciesMs()));
                    double wall = Stats.median(walls);
                    if (n == 1) ideal = Stats.median(lat);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("n", n);
                    row.put("runs", reps);
                    row.put("wallMsMedian", Stats.round(wall));
                    row.put("sitesPerMinute", Stats.round(n / wall * 60_000));
                    row.put("latencyMsP50", Stats.round(Stats.median(lat)));
                    row.put("latencyMsP99", Stats.round(Stats.percentile(lat, 99)));
                    row.put("ratioToIdeal", ParallelLatencyBench.round3(wall / ideal));
                    row.put("failedSites", runs.stream().mapToInt(Batch::failedSites).sum());
                    row.put("failedCalls", runs.stream().mapToInt(Batch::failedCalls).sum());
                    row.put("peakHeapMiBPerSite", Stats.round(runs.stream().mapToLong(Batch::peakHeapBytes).max().orElse(0) / (double) n / (1 << 20)));
                    double cpuPerSite = runs.stream().mapToDouble(Batch::cpuMs).sum() / (reps * (double) n);
                    row.put("cpuMsPerSite", Stats.round(cpuPerSite));
                    // No schedule beats this: N sites' CPU spread over every core, or one site's latency.
                    row.put("cpuBoundMs", Stats.round(Math.max(ideal, n * cpuPerSite / cores)));
                    double bound = qaBound(n, cores, 2.0 * delayMs, qaCpu);
                    row.put("qaBoundMs", Stats.round(bound));
                    row.put("qaBoundRatio", ParallelLatencyBench.round3(bound / ideal));
                    row.put("loadAverage", Cpu.loadAverage());
                    rows.add(row);
                    System.err.printf("[bench]   throughput N=%d: wall %.0f ms, ratio %.2f%n", n, wall, wall / ideal);
                }
                out.put("idealMs", Stats.round(ideal));
                out.put("qaCpuMsPerSite", Stats.round(qaCpu));
                out.put("cores", cores);
                out.put("rows", rows);
                int liveN = sizes[sizes.length - 1];
                server.delayMs(Math.max(delayMs, 15_000));
                out.put("liveHeap", liveHeap(atelier, server, p, c, r, wf, scratch, liveN));
                server.delayMs(delayMs);
            }
            // The default concurrency limit (4 calls in flight per model) caps throughput: one row shows by how much.
            try (Atelier capped = Atelier.builder().config(config(scratch, server.baseUrl(), -1)).qa(BenchInputs.qaWithoutBrowser())
                    .company(Path.of("examples/company")).pricer(ai.atelier.economics.CostEstimator.reference()).stepThreads(STEP_THREADS).build()) {
                Company c = capped.loadCompany(Path.of("examples/company"));
                Batch b = batch(capped, p, c, capped.retrieverFor(c, ai.atelier.knowledge.IngestListener.SILENT), capped.loadWorkflow("personas"), scratch, 64);
                out.put("defaultConcurrencyN64", Map.of("wallMs", Stats.round(b.wallMs()), "failedSites", b.failedSites()));
            }
        }
        return out;
    }

    /** Sites here start together by the thousand: step threads enough that none waits for one (the default suits a few sites at once). */
    static final int STEP_THREADS = 8192;

    /**
     * A floor under the wall time of N sites started together: no site can be checked before its
     * second answer arrives ({@code waits}, two server delays, after the start), and then all N
     * sites' QA is still to run, each {@code qaCpuMs} of CPU, on {@code cores} cores. Every other
     * part of a site's work only adds to this, so it is a lower bound for any scheduler.
     */
    static double qaBound(int n, int cores, double waits, double qaCpuMs) {
        return waits + n * qaCpuMs / cores;
    }

    /**
     * QA's CPU time for one site: a site is generated through the same config, then the benchmark's
     * QA agent reviews it again and again from this thread (warm JIT), timed with the CPU clocks of
     * this thread and of QA's heavy-check threads (not wall time, which a shared machine inflates); the median.
     */
    static double qaCpuMs(Atelier atelier, QaAgent qa, Profile p, Company c, Retriever r, WorkflowDefinition wf, Path scratch) throws Exception {
        Path dir = scratch.resolve("throughput-qa-probe");
        ai.atelier.SiteResult res = atelier.generate(new ai.atelier.SiteJob(p, wf.name(), ai.atelier.SiteJob.Options.in(dir), "qa-probe"), RunListener.NONE);
        if (!res.ok()) throw new IllegalStateException("the QA probe site failed: " + res.report().error());
        WebsiteSpec spec = new ObjectMapper().readValue(dir.resolve("spec.json").toFile(), WebsiteSpec.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        qa.review(SiteUnderTest.of(dir, spec, p, c)); // starts QA's heavy-check threads
        // Listed once, outside the timing: walking every thread's stack is itself costly.
        List<Thread> heavy = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("atelier-qa-heavy")).toList();
        for (int i = 0; i < 60; i++) {
            long t0 = qaThreadsCpuNanos(threads, heavy);
            QualityReport report = qa.review(SiteUnderTest.of(dir, spec, p, c));
            double took = (qaThreadsCpuNanos(threads, heavy) - t0) / 1e6;
            if (!report.passed()) throw new IllegalStateException("the QA probe site did not pass QA");
            if (i >= 20) ms.add(took); // the first reviews warm the JIT
        }
        BenchInputs.delete(dir);
        return Stats.median(ms);
    }

    /** CPU time of this thread and of QA's heavy-check threads (the W3C checker runs there, beside the light checks). */
    private static long qaThreadsCpuNanos(ThreadMXBean threads, List<Thread> heavy) {
        long sum = threads.getCurrentThreadCpuTime();
        for (Thread t : heavy) sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
        return sum;
    }

    static AtelierConfig config(Path scratch, String baseUrl, int concurrency) throws Exception {
        String limit = concurrency > 0 ? "    concurrency: " + concurrency + "\n" : "";
        Path file = scratch.resolve("throughput-" + concurrency + ".yaml");
        Files.writeString(file, """
                models:
                  bench-chat:
                    provider: openai
                    model: gpt-4o-mini
                    baseUrl: %1$s
                    catalog: gpt-4o-mini
                    maxRetries: 0
                    timeout: 120s
                %2$s  bench-images:
                    provider: openai
                    model: dall-e-3
                    baseUrl: %1$s
                    catalog: dall-e-3
                    maxRetries: 0
                    timeout: 120s
                %2$sroles:
                  personalizer: bench-chat
                  artist: bench-images
                  frontend-developer: bench-chat
                """.formatted(baseUrl, limit));
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).load(file);
    }

    /** N sites started together; waits for all of them. */
    static Batch batch(Atelier atelier, Profile p, Company c, Retriever r, WorkflowDefinition wf, Path scratch, int n) throws Exception {
        return batch(atelier, p, c, r, wf, scratch, n, new AtomicInteger());
    }

    static Batch batch(Atelier atelier, Profile p, Company c, Retriever r, WorkflowDefinition wf, Path scratch, int n,
                       AtomicInteger finished) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Path dir = scratch.resolve("throughput-" + n);
        System.gc();
        long baseline = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        CountDownLatch start = new CountDownLatch(1), done = new CountDownLatch(n);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failedSites = new AtomicInteger(), failedCalls = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    long t0 = System.nanoTime();
                    ai.atelier.SiteResult res = atelier.generate(new ai.atelier.SiteJob(p, wf.name(), ai.atelier.SiteJob.Options.in(dir.resolve("s" + id)), "t" + id), RunListener.NONE);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (!res.ok()) {
                        failedSites.incrementAndGet();
                        errors.add(res.report().error());
                    }
                    for (var s : res.report().steps()) {
                        for (ModelCall call : s.calls()) if (!"ok".equals(call.status())) failedCalls.incrementAndGet();
                    }
                } catch (Exception e) {
                    failedSites.incrementAndGet();
                    errors.add(e.toString());
                } finally {
                    finished.incrementAndGet();
                    done.countDown();
                }
            }, "bench-site-" + i);
            t.setDaemon(true);
            t.start();
        }
        Thread sampler = new Thread(() -> {
            while (done.getCount() > 0) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        long t0 = System.nanoTime(), cpu0 = Cpu.processNanos();
        start.countDown();
        sampler.start();
        done.await();
        double wall = (System.nanoTime() - t0) / 1e6, cpu = (Cpu.processNanos() - cpu0) / 1e6;
        sampler.interrupt();
        BenchInputs.delete(dir);
        if (!errors.isEmpty()) System.err.println("[bench]   N=" + n + ": " + errors.size() + " failed, first: " + errors.get(0));
        return new Batch(n, wall, List.copyOf(latencies), failedSites.get(), failedCalls.get(), peak.get() - baseline, cpu);
    }

    /**
     * Live heap per in-flight site: N sites start with the server holding every call for a long
     * delay; once 90% of all their calls have been sent (most sites are then waiting on their second
     * round: spec, prompts, images on the way), a full collection leaves only what the unfinished
     * sites hold, divided by how many are unfinished.
     */
    static Map<String, Object> liveHeap(Atelier atelier, DelayedOpenAiServer server, Profile p, Company c, Retriever r,
                                        WorkflowDefinition wf, Path scratch, int n) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = mem.getHeapMemoryUsage().getUsed();
        long requests0 = server.requests();
        AtomicInteger finished = new AtomicInteger();
        long[] live = {-1};
        int[] seen = {0, 0};
        long target = Math.round(n * 5 * 0.9); // five calls per site: personalizer, three images, developer
        Thread probe = new Thread(() -> {
            while (live[0] < 0) {
                if (server.requests() - requests0 >= target) {
                    System.gc();
                    live[0] = mem.getHeapMemoryUsage().getUsed();
                    seen[0] = server.inFlight();
                    seen[1] = n - finished.get();
                    return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-live-heap");
        probe.setDaemon(true);
        probe.start();
        Batch b = batch(atelier, p, c, r, wf, scratch, n, finished);
        probe.interrupt();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("serverDelayMs", server.delayMs());
        m.put("callsInFlightAtMeasurement", seen[0]);
        m.put("sitesInFlightAtMeasurement", seen[1]);
        m.put("liveHeapMiBPerSite", live[0] < 0 || seen[1] == 0 ? null : Stats.round((live[0] - baseline) / (double) seen[1] / (1 << 20)));
        m.put("failedSites", b.failedSites());
        return m;
    }
}
