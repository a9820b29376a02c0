package ai.atelier.bench;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.telemetry.Telemetry;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 5: what telemetry costs a site, off and on, in ONE warm JVM with the rounds interleaved
 * (off, on, then on, off: ABBA), so a burst of load from other processes on the shared machine hits
 * both arms alike. The same workflow (personas with QA, browser checks left out) on the built-in
 * engine, the same visitor for both arms in a round. "On" is the real SDK exporting OTLP/HTTP
 * protobuf (batch span processor, periodic metric reader: the SDK's defaults) to a local HTTP sink
 * that reads and discards every request; each on-site's spans are flushed after its wall time is
 * taken and before its CPU time is, so the CPU figure includes serialising and sending them. CPU is
 * process CPU time (all threads) over the site. The off arm is the product's default path.
 */
final class TelemetryOverheadBench {
    private TelemetryOverheadBench() {}

    static Map<String, Object> run(Path scratch, int warmup, int rounds) throws Exception {
        AtomicLong exportRequests = new AtomicLong(), exportBytes = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", ex -> {
            exportBytes.addAndGet(ex.getRequestBody().readAllBytes().length);
            exportRequests.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        sink.start();
        String base = "http://127.0.0.1:" + sink.getAddress().getPort();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build()).build())
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder().setEndpoint(base + "/v1/metrics").build())
                                .setInterval(Duration.ofSeconds(10)).build())
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Map<String, Object> out = new LinkedHashMap<>();
        QualityConfig quality = QualityConfig.defaults().withBrowser(false);
        try (Atelier off = Atelier.builder().quality(quality).company(Path.of("examples/company")).telemetry(Telemetry.off()).build();
             Atelier on = Atelier.builder().quality(quality).company(Path.of("examples/company")).telemetry(Telemetry.of(sdk, false)).build()) {
            Map<String, Atelier> arms = new LinkedHashMap<>();
            arms.put("off", off);
            arms.put("on", on);
            for (Atelier a : arms.values()) a.retriever(ai.atelier.knowledge.IngestListener.SILENT); // each arm's index opened before any round
            List<Profile> profiles = BenchInputs.profiles();
            Map<String, List<Double>> wall = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
            Map<String, Long> tokens = new LinkedHashMap<>();
            arms.keySet().forEach(k -> {
                wall.put(k, new ArrayList<>());
                cpu.put(k, new ArrayList<>());
                tokens.put(k, 0L);
            });
            List<Double> loads = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                List<String> order = i % 2 == 0 ? List.of("off", "on") : List.of("on", "off");
                Profile p = profiles.get(i % profiles.size());
                for (String arm : order) {
                    Path dir = scratch.resolve("telemetry-" + arm + "-" + i);
                    long cpu0 = Cpu.processNanos(), t0 = System.nanoTime();
                    ai.atelier.SiteResult res = arms.get(arm).generate(new ai.atelier.SiteJob(p, "personas", ai.atelier.SiteJob.Options.in(dir),
                            "bench-" + arm + "-" + i), RunListener.NONE);
                    long t1 = System.nanoTime();
                    if (arm.equals("on")) sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
                    long cpu1 = Cpu.processNanos();
                    if (!res.ok()) throw new IllegalStateException("telemetry bench: site failed: " + res.report().error());
                    if (i >= warmup) {
                        wall.get(arm).add((t1 - t0) / 1e6);
                        cpu.get(arm).add((cpu1 - cpu0) / 1e6);
                        tokens.merge(arm, res.report().totals().inputTokens() + res.report().totals().outputTokens(), Long::sum);
                    }
                    BenchInputs.delete(dir);
                }
                if (i >= warmup && (i - warmup) % 20 == 0) loads.add(Cpu.loadAverage());
            }
            sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
            for (String k : arms.keySet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sites", rounds);
                m.put("wallMsMedian", Stats.round(Stats.median(wall.get(k))));
                m.put("wallMsP90", Stats.round(Stats.percentile(wall.get(k), 90)));
                m.put("cpuMsMedian", Stats.round(Stats.median(cpu.get(k))));
                m.put("cpuMsP90", Stats.round(Stats.percentile(cpu.get(k), 90)));
                m.put("reportTokens", tokens.get(k));
                out.put(k, m);
            }
            out.put("wallMedianRatioOnOverOff", Stats.round(Stats.median(wall.get("on")) / Stats.median(wall.get("off"))));
            out.put("cpuMedianRatioOnOverOff", Stats.round(Stats.median(cpu.get("on")) / Stats.median(cpu.get("off"))));
            // paired: each round's on minus off, so a slow round (load from others) cancels out
            List<Double> wallDiff = new ArrayList<>(), cpuDiff = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                wallDiff.add(wall.get("on").get(i) - wall.get("off").get(i));
                cpuDiff.add(cpu.get("on").get(i) - cpu.get("off").get(i));
            }
            out.put("pairedWallDiffMsMedian", Stats.round(Stats.median(wallDiff)));
            out.put("pairedCpuDiffMsMedian", Stats.round(Stats.median(cpuDiff)));
            out.put("warmupRoundsPerArm", warmup);
            out.put("loadAverageDuring", loads);
            out.put("otlpRequests", exportRequests.get());
            out.put("otlpBytes", exportBytes.get());
        } finally {
            sdk.close();
            sink.stop(0);
        }
        return out;
    }
}
