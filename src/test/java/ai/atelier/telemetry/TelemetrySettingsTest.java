package ai.atelier.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the standard OTEL_* variables turn telemetry on, and the one-line errors for settings this build cannot honour. */
class TelemetrySettingsTest {
    @Test
    void offUnlessAnExporterOrEndpointIsConfigured() {
        assertThat(Telemetry.configured(Map.of())).isFalse();
        assertThat(Telemetry.configured(Map.of("OTEL_SERVICE_NAME", "atelier"))).isFalse();
        assertThat(Telemetry.configured(Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_METRICS_EXPORTER", "none"))).isFalse();
        assertThat(Telemetry.configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"))).isTrue();
        assertThat(Telemetry.configured(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4318/v1/traces"))).isTrue();
        assertThat(Telemetry.configured(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
        assertThat(Telemetry.configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318", "OTEL_SDK_DISABLED", "true"))).isFalse();
        assertThat(Telemetry.fromEnvironment(Map.of())).isSameAs(Telemetry.off());
        assertThat(Telemetry.off().enabled()).isFalse();
    }

    @Test
    void grpcIsRefusedInOneLineSayingWhatToUse() {
        assertThatThrownBy(() -> Telemetry.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .isInstanceOf(AtelierException.class)
                .hasMessage("OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported by Atelier's exporter; use http/protobuf (the collector's port 4318)");
    }

    @Test
    void anExporterThisBuildDoesNotHaveIsAOneLineError() {
        // the autoconfiguration reads the real environment and system properties; a system property stands in for the variable
        System.setProperty("otel.traces.exporter", "zipkin");
        try {
            assertThatThrownBy(() -> Telemetry.fromEnvironment(Map.of("OTEL_TRACES_EXPORTER", "zipkin")))
                    .isInstanceOf(AtelierException.class)
                    .hasMessageStartingWith("telemetry is misconfigured: ")
                    .hasMessageContaining("zipkin")
                    .hasMessageEndingWith("(check the OTEL_* variables; see docs/observability.md)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            System.clearProperty("otel.traces.exporter");
        }
    }
}
