package ai.atelier.model.provider;

import dev.langchain4j.exception.HttpException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK HTTP client under LangChain4j's, with one addition: an error response becomes a
 * {@link StatusException} that keeps the provider's Retry-After header, which LangChain4j's own
 * exceptions drop; a response body larger than the model's limit fails as {@link ResponseTooLarge}
 * as soon as it is declared or read that far (never read whole); and, when the call runs inside a
 * traced span (telemetry on), the W3C
 * {@code traceparent} header, so the provider's side of the call joins the trace. Everything else
 * (connections, TLS, timeouts) is the JDK client's; LangChain4j still builds and parses every
 * request and response.
 */
final class StatusAwareHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final long limit;

    private StatusAwareHttpClient(HttpClient delegate, long limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    /** A response body over the limit: the read stops there. Not worth retrying: the server would send it again. */
    static final class ResponseTooLarge extends IOException {
        private final long limit;

        ResponseTooLarge(long limit) {
            super("the response is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** {@code handler} with its body capped at {@code limit} bytes (declared Content-Length or bytes read). */
    static <T> HttpResponse.BodyHandler<T> limited(HttpResponse.BodyHandler<T> handler, long limit) {
        return info -> new LimitedBody<>(handler.apply(info), limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** Passes the body through until more than {@code limit} bytes are declared or arrive, then cancels the read. */
    private static final class LimitedBody<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> inner;
        private final long limit;
        private final long declared;
        private final CompletableFuture<T> body = new CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;
        private long seen;
        private boolean over;

        LimitedBody(HttpResponse.BodySubscriber<T> inner, long limit, long declared) {
            this.inner = inner;
            this.limit = limit;
            this.declared = declared;
            inner.getBody().whenComplete((v, e) -> {
                if (e != null) body.completeExceptionally(e);
                else body.complete(v);
            });
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            if (declared > limit) {
                over = true;
                s.cancel();
                body.completeExceptionally(new ResponseTooLarge(limit));
                return;
            }
            inner.onSubscribe(s);
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> items) {
            if (over) return;
            for (java.nio.ByteBuffer b : items) seen += b.remaining();
            if (seen > limit) {
                over = true;
                subscription.cancel();
                ResponseTooLarge e = new ResponseTooLarge(limit);
                body.completeExceptionally(e);
                inner.onError(e);
                return;
            }
            inner.onNext(items);
        }

        @Override
        public void onError(Throwable t) {
            if (!over) inner.onError(t);
        }

        @Override
        public void onComplete() {
            if (!over) inner.onComplete();
        }

        @Override
        public CompletionStage<T> getBody() {
            return body;
        }
    }

    /** An HTTP error with the delay the provider asked for. Extends LangChain4j's, so its mapping still applies. */
    static final class StatusException extends HttpException {
        private final Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<T> r = delegate.send(traced(request), limited(handler, limit));
        if (r.statusCode() >= 400) {
            Object body = r.body();
            String text = body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(body);
            throw new StatusException(r.statusCode(), text.length() > 500 ? text.substring(0, 500) + "…" : text,
                    retryAfter(r.headers().firstValue("Retry-After")));
        }
        return r;
    }

    /** The request with the current trace context in W3C headers; the same request outside a traced span. */
    static HttpRequest traced(HttpRequest request) {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) return request;
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("traceparent")
                && !name.equalsIgnoreCase("tracestate"));
        W3CTraceContextPropagator.getInstance().inject(current, b, HttpRequest.Builder::setHeader);
        return b.build();
    }

    /** Seconds ("2", "1.5") or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) return null;
        String v = header.get().strip();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(traced(request), limited(handler, limit));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return delegate.sendAsync(traced(request), limited(handler, limit), push);
    }

    @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
    @Override public Redirect followRedirects() { return delegate.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
    @Override public SSLContext sslContext() { return delegate.sslContext(); }
    @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
    @Override public Version version() { return delegate.version(); }
    @Override public Optional<Executor> executor() { return delegate.executor(); }

    /**
     * A JDK client builder whose product keeps Retry-After and reads at most {@code limit} bytes of a
     * response; hand it to LangChain4j's JdkHttpClientBuilder.
     */
    static HttpClient.Builder builder(long limit) {
        return new Builder(HttpClient.newBuilder().version(Version.HTTP_1_1), limit);
    }

    private record Builder(HttpClient.Builder b, long limit) implements HttpClient.Builder {
        @Override public HttpClient.Builder cookieHandler(CookieHandler c) { b.cookieHandler(c); return this; }
        @Override public HttpClient.Builder connectTimeout(Duration d) { b.connectTimeout(d); return this; }
        @Override public HttpClient.Builder sslContext(SSLContext s) { b.sslContext(s); return this; }
        @Override public HttpClient.Builder sslParameters(SSLParameters s) { b.sslParameters(s); return this; }
        @Override public HttpClient.Builder executor(Executor e) { b.executor(e); return this; }
        @Override public HttpClient.Builder followRedirects(Redirect r) { b.followRedirects(r); return this; }
        @Override public HttpClient.Builder version(Version v) { b.version(v); return this; }
        @Override public HttpClient.Builder priority(int p) { b.priority(p); return this; }
        @Override public HttpClient.Builder proxy(ProxySelector p) { b.proxy(p); return this; }
        @Override public HttpClient.Builder authenticator(Authenticator a) { b.authenticator(a); return this; }
        @Override public HttpClient build() { return new StatusAwareHttpClient(b.build(), limit); }
    }
}
