package ai.atelier.telemetry;

import ai.atelier.knowledge.Retriever;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Atelier's OpenTelemetry: traces and metrics of every site, step and model call, named after the
 * GenAI semantic conventions (see docs/observability.md). One instance is made where the program
 * is wired (the CLI, the server) and handed in: no global, no static state. It is OFF unless the
 * standard OTEL_* variables ask for an exporter; off, every hook is a no-op that touches no
 * OpenTelemetry class beyond this one, and the SDK is never loaded. Message contents (visitor
 * profiles are personal data) are recorded only with
 * {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true}.
 */
public final class Telemetry implements AutoCloseable {
    static final String SCOPE = "ai.atelier";
    static final ContextKey<String> AGENT = ContextKey.named("atelier-agent");
    static final ContextKey<Long> ROUND = ContextKey.named("atelier-revise-round");

    private static final Telemetry OFF = new Telemetry(null, false, null);

    private final OpenTelemetry otel;
    private final boolean capture;
    private final AutoCloseable owned;
    private final Tracer tracer;
    private final Instruments instruments;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<AutoCloseable> gauges = new ArrayList<>();

    private Telemetry(OpenTelemetry otel, boolean capture, AutoCloseable owned) {
        this.otel = otel;
        this.capture = capture;
        this.owned = owned;
        this.tracer = otel == null ? null : otel.getTracer(SCOPE, "0.1.0");
        this.instruments = otel == null ? null : new Instruments(meter());
    }

    /** Telemetry that emits nothing. */
    public static Telemetry off() {
        return OFF;
    }

    /** Telemetry through an OpenTelemetry the caller owns (an embedding application's, or a test's in-memory SDK). */
    public static Telemetry of(OpenTelemetry otel, boolean captureMessageContent) {
        return new Telemetry(otel, captureMessageContent, null);
    }

    /** From the process environment: the SDK, autoconfigured, when the OTEL_* variables ask for export; else {@link #off()}. */
    public static Telemetry fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Telemetry fromEnvironment(Map<String, String> env) {
        if (!configured(env)) return OFF;
        var sdk = SdkSetup.start(env);
        return new Telemetry(sdk, truthy(setting(env, "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT")), sdk);
    }

    /**
     * Whether the variables (or the matching {@code otel.*} system properties) ask for export: an
     * OTLP endpoint, or a traces or metrics exporter other than {@code none}; never when
     * {@code OTEL_SDK_DISABLED=true}.
     */
    static boolean configured(Map<String, String> env) {
        if (truthy(setting(env, "OTEL_SDK_DISABLED"))) return false;
        for (String k : List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")) {
            String v = setting(env, k);
            if (v != null && !v.isBlank()) return true;
        }
        for (String k : List.of("OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER")) {
            String v = setting(env, k);
            if (v != null && !v.isBlank() && !v.strip().equalsIgnoreCase("none")) return true;
        }
        return false;
    }

    private static String setting(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null ? v : System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static boolean truthy(String v) {
        return v != null && v.strip().equalsIgnoreCase("true");
    }

    public boolean enabled() {
        return otel != null;
    }

    boolean captureContent() {
        return capture;
    }

    Tracer tracer() {
        return tracer;
    }

    Instruments instruments() {
        return instruments;
    }

    private Meter meter() {
        return otel.getMeter(SCOPE);
    }

    /** The span of one site (the workflow span): make it current around the generation, then end it with the outcome. */
    public SiteTrace site(String siteId, String workflow, String company) {
        if (otel == null) return SiteTrace.NONE;
        Span span = tracer.spanBuilder(GenAi.INVOKE_WORKFLOW + " " + workflow).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.INVOKE_WORKFLOW)
                .setAttribute(GenAi.WORKFLOW_NAME, workflow)
                .setAttribute(GenAi.SITE_ID, siteId)
                .setAttribute(GenAi.COMPANY, company)
                .startSpan();
        return new SiteTrace(this, span, workflow);
    }

    /**
     * The span of one step (an agent span), a child of {@code parent} (the context the workflow
     * run started in: steps run on pool threads, so the parent is passed, not found).
     * {@code originNanos} is the run's time origin, so calls recorded after the fact get their times.
     */
    public StepTrace step(Context parent, long originNanos, String stepId, String persona, String role, String model) {
        if (otel == null) return StepTrace.NONE;
        Long round = parent.get(ROUND);
        var b = tracer.spanBuilder(GenAi.INVOKE_AGENT + " " + persona).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.INVOKE_AGENT)
                .setAttribute(GenAi.AGENT_NAME, persona)
                .setAttribute(GenAi.STEP_ID, stepId)
                .setAttribute(GenAi.ROLE, role)
                .setAttribute(GenAi.MODEL, model);
        if (round != null) b.setAttribute(GenAi.REVISE_ROUND, round);
        Span span = b.startSpan();
        long epochOrigin = epochNanos() - (System.nanoTime() - originNanos);
        return new StepTrace(this, span, parent.with(span).with(AGENT, persona), epochOrigin, persona);
    }

    /** The interceptor that makes one chat span per model call (null when off: leave it out of the chain). */
    public ChatSpans chatSpans(ChatSpans.Model model) {
        return otel == null ? null : new ChatSpans(this, model);
    }

    /**
     * An image model's client for one step: {@code metered} wraps the provider with budget, retry
     * and metering; with telemetry on, one {@code generate_content} span goes around that (so one
     * span covers a picture with all its retries) and each provider attempt after the first counts
     * as a retry on it. When off this is {@code metered.apply(provider)}, nothing more.
     */
    public ai.atelier.model.ImageClient images(ChatSpans.Model model, ai.atelier.model.ImageClient provider,
                                               java.util.function.UnaryOperator<ai.atelier.model.ImageClient> metered) {
        if (otel == null) return metered.apply(provider);
        return new ImageSpans(this, metered.apply(ImageSpans.countingAttempts(provider)), model);
    }

    /** The retriever with a retrieval span around each search; the same retriever when off. */
    public Retriever retriever(Retriever r, String dataSource) {
        return otel == null || r == null ? r : new TracedRetriever(this, r, dataSource);
    }

    /** An executor whose tasks run in the context that submitted them (fan-out keeps its parent span); the same executor when off. */
    public ExecutorService propagating(ExecutorService pool) {
        return otel == null ? pool : Context.taskWrapping(pool);
    }

    /**
     * The trace context a caller sent (W3C {@code traceparent}/{@code tracestate}), for a request
     * that should continue the caller's trace; the current context when off.
     */
    public <C> Context extract(C carrier, Iterable<String> keys, Function<String, String> header) {
        if (otel == null) return Context.current();
        return otel.getPropagators().getTextMapPropagator().extract(Context.current(), carrier, new TextMapGetter<C>() {
            @Override
            public Iterable<String> keys(C c) {
                return keys;
            }

            @Override
            public String get(C c, String key) {
                return c == null ? null : header.apply(key);
            }
        });
    }

    /** An observable gauge (a queue length, a running count), read at each export; nothing when off. */
    public void gauge(String name, String unit, String description, LongSupplier value) {
        if (otel == null) return;
        var g = meter().gaugeBuilder(name).ofLongs().setUnit(unit).setDescription(description)
                .buildWithCallback(m -> m.record(value.getAsLong()));
        synchronized (gauges) {
            gauges.add(g);
        }
    }

    /** Marks the spans of the steps run inside the returned scope as revise round {@code round}. */
    public static Scope reviseRound(int round) {
        return Context.current().with(ROUND, (long) round).makeCurrent();
    }

    /** Notes a retried model call on the current chat span (the retry interceptor runs inside it); nothing outside one. */
    public static void retrying(int attempt, String errorType, long waitMs) {
        ChatSpans.retrying(attempt, errorType, waitMs);
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static Attributes none() {
        return Attributes.empty();
    }

    /** Flushes and stops the SDK this instance started (pending spans and a last metric export go out); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        synchronized (gauges) {
            for (AutoCloseable g : gauges) {
                try {
                    g.close();
                } catch (Exception ignored) {
                    // a gauge that cannot unregister only keeps reporting until the SDK stops
                }
            }
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                System.err.println("telemetry: could not flush on shutdown: " + e.getMessage());
            }
        }
    }
}
