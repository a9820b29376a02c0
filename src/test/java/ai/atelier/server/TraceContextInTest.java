package ai.atelier.server;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.Atelier;
import ai.atelier.economics.CostEstimator;
import ai.atelier.model.ModelCatalog;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.runs.ExampleProfiles;
import ai.atelier.runs.RunDatabase;
import ai.atelier.runs.RunService;
import ai.atelier.runs.RunStore;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.telemetry.InMemoryTelemetry;
import ai.atelier.workflow.Promotion;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/sites} with a caller's W3C {@code traceparent}: the site's workflow span
 * continues the caller's trace (same trace id, the caller's span as parent), across the run queue's
 * thread; and {@code serve} reports its queue length and running count as gauges.
 */
class TraceContextInTest {
    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String CALLER_SPAN = "b7ad6b7169203331";

    @TempDir
    Path data;

    @Test
    void aCallersTraceContinuesIntoTheSiteAndTheQueueIsObservable() throws Exception {
        try (InMemoryTelemetry mem = new InMemoryTelemetry(false);
             Atelier atelier = Atelier.builder().quality(QualityConfig.defaults().withBrowser(false))
                     .pricer(CostEstimator.reference()).telemetry(mem.telemetry).company(Path.of("examples/company")).build();
             RunStore store = new RunStore(RunDatabase.h2In(data));
             RunService runs = new RunService(atelier, store, data,
                     new RunService.Limits(1, 5), ModelCatalog.bundled());
             AtelierServer server = new AtelierServer(runs, new ExampleProfiles(Path.of("examples/profiles")),
                     ServerSettings.defaults().withPort(0).withRateLimit(0, 1), "test").start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String body = TestServer.siteRequest(TestServer.example("manufacturing-priya-raman"), "personas");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sites")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String id = TestServer.JSON.readTree(posted.body()).get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            String status = "";
            while (System.nanoTime() < deadline) {
                JsonNode run = TestServer.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/sites/" + id)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                status = run.path("status").asText();
                if (status.equals("done") || status.equals("failed")) break;
                Thread.sleep(50);
            }
            assertThat(status).isIn("done", "failed");
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (mem.named("invoke_workflow").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);

            SpanData site = mem.one("invoke_workflow personas");
            assertThat(site.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(site.getParentSpanId()).isEqualTo(CALLER_SPAN);
            assertThat(site.getParentSpanContext().isRemote()).isTrue();
            assertThat(site.getAttributes().get(stringKey("atelier.site.id"))).isEqualTo(id);
            assertThat(mem.named("invoke_agent")).hasSize(4).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(TRACE_ID));

            MetricData queue = mem.metric("atelier.server.queue.length").orElseThrow();
            assertThat(queue.getLongGaugeData().getPoints()).singleElement().satisfies(p -> assertThat(p.getValue()).isZero());
            assertThat(mem.metric("atelier.server.runs.running")).isPresent();
        }
    }
}
