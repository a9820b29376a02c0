package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier generate} run as its own process with the standard OTEL_* variables, exporting to
 * a local HTTP server that stands in for an OpenTelemetry collector: the server receives OTLP/HTTP
 * protobuf, decoded here with opentelemetry-proto, holding the site's span tree and the GenAI
 * metrics. Without the variables the same command exports nothing and loads none of the SDK's classes.
 */
class OtlpExportProcessTest {
    record Received(String path, String contentType, byte[] body) {}

    @TempDir
    Path tmp;
    MockWebServer collector;
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        collector = new MockWebServer();
        collector.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                ByteString body = r.getBody();
                received.add(new Received(r.getUrl().encodedPath(), r.getHeaders().get("Content-Type"), body == null ? new byte[0] : body.toByteArray()));
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-protobuf").build();
            }
        });
        collector.start();
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    Process generate(Map<String, String> otel, Path out, Path log, String... jvm) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ai.atelier.cli.AtelierCommand", "generate",
                "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", "examples/company",
                "--out", out.toString(), "--no-browser"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.equals("ATELIER_CONFIG"));
        pb.environment().putAll(otel);
        return pb.start();
    }

    static int waitFor(Process p, Path log) throws Exception {
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("atelier generate did not finish in 240 s:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    @Test
    void generateExportsTheSpanTreeAndMetricsAsOtlpHttpProtobuf() throws Exception {
        Path log = tmp.resolve("on.log");
        Process p = generate(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getPort(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_SERVICE_NAME", "atelier-otlp-test",
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_METRICS_EXPORTER", "otlp"), tmp.resolve("site"), log);
        int code = waitFor(p, log);
        assertThat(code).as(Files.readString(log)).isIn(0, 1);

        List<Span> spans = new ArrayList<>();
        Map<String, Metric> metrics = new HashMap<>();
        String serviceName = null;
        synchronized (received) {
            assertThat(received).as("OTLP requests received").isNotEmpty();
            for (Received r : received) {
                assertThat(r.contentType()).isEqualTo("application/x-protobuf");
                if (r.path().equals("/v1/traces")) {
                    var req = ExportTraceServiceRequest.parseFrom(r.body());
                    for (var rs : req.getResourceSpansList()) {
                        serviceName = attr(rs.getResource().getAttributesList(), "service.name");
                        rs.getScopeSpansList().forEach(ss -> spans.addAll(ss.getSpansList()));
                    }
                } else if (r.path().equals("/v1/metrics")) {
                    var req = ExportMetricsServiceRequest.parseFrom(r.body());
                    req.getResourceMetricsList().forEach(rm -> rm.getScopeMetricsList()
                            .forEach(sm -> sm.getMetricsList().forEach(m -> metrics.put(m.getName(), m))));
                } else {
                    throw new AssertionError("unexpected OTLP path " + r.path());
                }
            }
        }
        assertThat(serviceName).isEqualTo("atelier-otlp-test");
        Map<String, List<Span>> byName = spans.stream().collect(Collectors.groupingBy(Span::getName));
        assertThat(byName).containsKeys("invoke_workflow personas", "invoke_agent personalizer", "invoke_agent artist",
                "invoke_agent frontend-developer", "invoke_agent qa", "chat builtin");
        assertThat(byName.keySet()).anyMatch(n -> n.startsWith("retrieval "));
        Span site = byName.get("invoke_workflow personas").get(0);
        assertThat(attr(site.getAttributesList(), "gen_ai.operation.name")).isEqualTo("invoke_workflow");
        Span personalizer = byName.get("invoke_agent personalizer").get(0);
        assertThat(personalizer.getParentSpanId()).isEqualTo(site.getSpanId());
        assertThat(attr(personalizer.getAttributesList(), "gen_ai.agent.name")).isEqualTo("personalizer");
        assertThat(byName.get("chat builtin")).anySatisfy(c -> assertThat(c.getParentSpanId()).isEqualTo(personalizer.getSpanId()));
        assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(site.getTraceId()));
        assertThat(byName.get("invoke_agent qa").get(0).getEventsList()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("atelier.qa.check"));

        assertThat(metrics).containsKeys("gen_ai.client.token.usage", "gen_ai.client.operation.duration", "atelier.site.outcomes");
        var tokenPoints = metrics.get("gen_ai.client.token.usage").getHistogram().getDataPointsList();
        assertThat(tokenPoints).isNotEmpty();
        assertThat(tokenPoints.get(0).getExplicitBoundsList()).startsWith(1.0, 4.0, 16.0).endsWith(67108864.0);
        assertThat(metrics.get("atelier.site.outcomes").getSum().getDataPointsList().get(0).getAsInt()).isEqualTo(1);
    }

    @Test
    void withoutTheVariablesNothingIsExportedAndTheSdkIsNotLoaded() throws Exception {
        Path log = tmp.resolve("off.log");
        Process p = generate(Map.of(), tmp.resolve("off"), log, "-verbose:class");
        int code = waitFor(p, log);
        String out = Files.readString(log);
        assertThat(code).as(out.lines().filter(l -> !l.startsWith("[")).collect(Collectors.joining("\n"))).isIn(0, 1);
        assertThat(received).isEmpty();
        // the test classpath has sdk-testing, whose context-storage provider the API's ServiceLoader finds; production has none
        List<String> loaded = out.lines().filter(l -> l.contains("[class,load] io.opentelemetry.") && !l.contains("io.opentelemetry.sdk.testing.")).toList();
        assertThat(loaded).isNotEmpty().noneMatch(l -> l.contains("io.opentelemetry.sdk.") || l.contains("io.opentelemetry.exporter."));
    }

    static String attr(List<KeyValue> attrs, String key) {
        return attrs.stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue().getStringValue()).findFirst().orElse(null);
    }
}
