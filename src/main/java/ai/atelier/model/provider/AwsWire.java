package ai.atelier.model.provider;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * What {@link StatusAwareHttpClient} does for the JDK-client providers, for the AWS SDK client under
 * Bedrock, as an SDK execution interceptor: inside a traced span (telemetry on) the request gets
 * the W3C {@code traceparent} (and {@code tracestate}) header, so Bedrock's side of the call joins
 * the trace; and the response body is capped at the model's {@code maxResponseBytes}, by its
 * declared Content-Length or by the bytes read, failing as {@link StatusAwareHttpClient.ResponseTooLarge}
 * (RESPONSE_TOO_LARGE, not retried) rather than being read whole. The SDK calls interceptors on
 * the thread that makes the call, so the current context is the call's span.
 */
final class AwsWire implements ExecutionInterceptor {
    private final long limit;

    AwsWire(long limit) {
        this.limit = limit;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(software.amazon.awssdk.core.interceptor.Context.ModifyHttpRequest context,
                                            ExecutionAttributes attributes) {
        Context current = Context.current();
        SdkHttpRequest request = context.httpRequest();
        if (!Span.fromContext(current).getSpanContext().isValid()) return request;
        SdkHttpRequest.Builder b = request.toBuilder().removeHeader("traceparent").removeHeader("tracestate");
        W3CTraceContextPropagator.getInstance().inject(current, b, (builder, name, value) -> builder.putHeader(name, value));
        return b.build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        long declared = context.httpResponse().firstMatchingHeader("Content-Length").map(AwsWire::parse).orElse(-1L);
        if (declared > limit) {
            body.ifPresent(AwsWire::closeQuietly);
            return Optional.of(new Failing(new StatusAwareHttpClient.ResponseTooLarge(limit)));
        }
        return body.map(in -> new Capped(in, limit));
    }

    private static long parse(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the body is not read anyway
        }
    }

    /** A body that fails on the first read: the answer was declared too large. */
    private static final class Failing extends InputStream {
        private final IOException failure;

        Failing(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }
    }

    /** A body that fails as soon as more than {@code limit} bytes have been read. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) throw new StatusAwareHttpClient.ResponseTooLarge(limit);
        }
    }
}
