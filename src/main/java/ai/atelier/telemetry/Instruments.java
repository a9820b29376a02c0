package ai.atelier.telemetry;

import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * The metric instruments: the GenAI conventions' client histograms, with the bucket boundaries the
 * conventions advise, and Atelier's cost and site-outcome counters. Made once per {@link Telemetry}.
 */
final class Instruments {
    /** gen_ai.client.token.usage: powers of 4 from 1 to 67,108,864, as the conventions advise. */
    static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L,
            4194304L, 16777216L, 67108864L);
    /** gen_ai.client.operation.duration: seconds, doubling from 10 ms to 81.92 s, as the conventions advise. */
    static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
            40.96, 81.92);

    final LongHistogram tokenUsage;
    final DoubleHistogram operationDuration;
    final DoubleCounter cost;
    final LongCounter siteOutcomes;

    Instruments(Meter meter) {
        tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
                .setDescription("Number of input and output tokens used.").setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        operationDuration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setDescription("GenAI operation duration.").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        cost = meter.counterBuilder("atelier.model.cost").ofDoubles().setUnit("USD")
                .setDescription("What model calls cost, computed by Atelier from token counts and the model catalog (calls of unknown price are not counted).")
                .build();
        siteOutcomes = meter.counterBuilder("atelier.site.outcomes").setUnit("{site}")
                .setDescription("Sites generated, by workflow and outcome (ok or failed).").build();
    }
}
