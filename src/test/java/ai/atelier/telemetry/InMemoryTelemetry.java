package ai.atelier.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Optional;

/** The real OpenTelemetry SDK exporting into memory (opentelemetry-sdk-testing), for tests that read the spans and metrics back. */
public final class InMemoryTelemetry implements AutoCloseable {
    public final InMemorySpanExporter spans = InMemorySpanExporter.create();
    public final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    public final OpenTelemetrySdk sdk;
    public final Telemetry telemetry;

    public InMemoryTelemetry(boolean captureContent) {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        telemetry = Telemetry.of(sdk, captureContent);
    }

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public List<SpanData> named(String prefix) {
        return finished().stream().filter(s -> s.getName().startsWith(prefix)).toList();
    }

    public SpanData one(String name) {
        List<SpanData> found = finished().stream().filter(s -> s.getName().equals(name)).toList();
        if (found.size() != 1) throw new AssertionError("expected one span " + name + ", found " + found.size() + " among " + names());
        return found.get(0);
    }

    public List<SpanData> childrenOf(SpanData parent) {
        return finished().stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())
                && s.getTraceId().equals(parent.getTraceId())).toList();
    }

    public List<String> names() {
        return finished().stream().map(SpanData::getName).toList();
    }

    public Optional<MetricData> metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    public static <T> T attr(SpanData s, AttributeKey<T> key) {
        return s.getAttributes().get(key);
    }

    @Override
    public void close() {
        sdk.close();
    }
}
