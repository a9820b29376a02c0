package ai.atelier.telemetry;

import ai.atelier.AtelierException;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the OpenTelemetry SDK from the standard OTEL_* variables with the SDK's own
 * autoconfiguration. The only class that names the SDK, so that while telemetry is off none of
 * the SDK's or exporters' classes are loaded. Atelier's defaults, each overridden by the standard
 * variable: service name {@code atelier}, protocol {@code http/protobuf} (this build exports with
 * the JDK's HTTP client, which has no gRPC), no log exporter (Atelier emits no OTel logs).
 */
final class SdkSetup {
    private SdkSetup() {}

    static OpenTelemetrySdk start(Map<String, String> env) {
        for (String key : new String[] {"OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"}) {
            String v = env.get(key);
            if (v != null && v.strip().toLowerCase(Locale.ROOT).equals("grpc")) {
                throw new AtelierException(key + "=grpc is not supported by Atelier's exporter; use http/protobuf (the collector's port 4318)",
                        "telemetry", null);
            }
        }
        try {
            return AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> Map.of(
                            "otel.service.name", "atelier",
                            "otel.exporter.otlp.protocol", "http/protobuf",
                            "otel.logs.exporter", "none"))
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new AtelierException("telemetry is misconfigured: " + msg + " (check the OTEL_* variables; see docs/observability.md)",
                    "telemetry", e);
        }
    }
}
