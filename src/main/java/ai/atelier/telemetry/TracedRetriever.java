package ai.atelier.telemetry;

import ai.atelier.knowledge.Retriever;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * A {@code retrieval {data source}} span around each knowledge search, a child of the step that
 * searched. The query text comes from the visitor profile, so it is recorded only with content capture on.
 */
final class TracedRetriever implements Retriever {
    private final Telemetry telemetry;
    private final Retriever inner;
    private final String dataSource;

    TracedRetriever(Telemetry telemetry, Retriever inner, String dataSource) {
        this.telemetry = telemetry;
        this.inner = inner;
        this.dataSource = dataSource;
    }

    @Override
    public List<RetrievedChunk> search(RetrievalQuery query) {
        var b = telemetry.tracer().spanBuilder(GenAi.RETRIEVAL + " " + dataSource).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.RETRIEVAL)
                .setAttribute(GenAi.DATA_SOURCE_ID, dataSource)
                .setAttribute(GenAi.RETRIEVAL_K, query.k());
        if (telemetry.captureContent() && query.text() != null) b.setAttribute(GenAi.RETRIEVAL_QUERY_TEXT, query.text());
        Span span = b.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            List<RetrievedChunk> hits = inner.search(query);
            span.setAttribute(GenAi.RETRIEVAL_RESULTS, hits.size());
            return hits;
        } catch (RuntimeException e) {
            span.setAttribute(GenAi.ERROR_TYPE, e.getClass().getName());
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }
}
