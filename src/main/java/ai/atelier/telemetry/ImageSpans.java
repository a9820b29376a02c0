package ai.atelier.telemetry;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.CostCalculator;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code generate_content {model}} span per picture, around an image client with its retries
 * (as {@link ChatSpans} is around a chat call): the GenAI conventions have no image operation of
 * their own, so it is {@code generate_content} with {@code gen_ai.output.type = image}. It carries
 * the provider and request attributes, the size and quality asked for, Atelier's cost (the
 * catalog's per-image price, the same computation as metering; {@code atelier.cost.unknown} when
 * the catalog lists none), retries, and the GenAI duration metric. The span is current while the
 * call runs, so the provider's HTTP request carries its {@code traceparent}. Image models report no
 * tokens, so no token usage is recorded. Prompts are message content: only with capture opted in.
 */
final class ImageSpans implements ImageClient {
    private final Telemetry telemetry;
    private final ImageClient client;
    private final ChatSpans.Model model;
    private final String providerName;
    private final String host;
    private final long port;

    ImageSpans(Telemetry telemetry, ImageClient client, ChatSpans.Model model) {
        this.telemetry = telemetry;
        this.client = client;
        this.model = model;
        this.providerName = GenAi.providerName(model.provider());
        this.host = model.serverHost();
        this.port = model.serverPort();
    }

    @Override
    public ImageResult generate(ImageRequest r) {
        Context parent = Context.current();
        String agent = parent.get(Telemetry.AGENT);
        var b = telemetry.tracer().spanBuilder(GenAi.GENERATE_CONTENT + " " + model.modelId()).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.GENERATE_CONTENT)
                .setAttribute(GenAi.PROVIDER_NAME, providerName)
                .setAttribute(GenAi.REQUEST_MODEL, model.modelId())
                .setAttribute(GenAi.MODEL, model.name())
                .setAttribute(GenAi.PROVIDER, model.providerLabel())
                .setAttribute(GenAi.OUTPUT_TYPE, "image")
                .setAttribute(GenAi.ROLE, r.role() == null ? "" : r.role())
                .setAttribute(GenAi.PURPOSE, r.purpose() == null ? "" : r.purpose());
        if (r.size() != null) b.setAttribute(GenAi.IMAGE_SIZE, r.size());
        if (r.quality() != null) b.setAttribute(GenAi.IMAGE_QUALITY, r.quality());
        if (agent != null) b.setAttribute(GenAi.AGENT_NAME, agent);
        if (host != null) b.setAttribute(GenAi.SERVER_ADDRESS, host).setAttribute(GenAi.SERVER_PORT, port);
        Span span = b.startSpan();
        if (telemetry.captureContent() && r.prompt() != null) {
            span.setAttribute(GenAi.INPUT_MESSAGES, "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(r.prompt()) + "}]}]");
        }
        AtomicInteger retries = new AtomicInteger();
        long t0 = System.nanoTime();
        try (Scope ignored = parent.with(span).with(ChatSpans.RETRIES, retries).with(ATTEMPTS, new AttemptCount(new AtomicInteger()))
                .makeCurrent()) {
            ImageResult out = client.generate(r);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String responseModel = out.model() != null ? out.model() : model.modelId();
            span.setAttribute(GenAi.RESPONSE_MODEL, responseModel);
            CatalogEntry price = model.price().get();
            Double cost = CostCalculator.images(price, r.size(), r.quality(), 1);
            if (cost != null) span.setAttribute(GenAi.COST_USD, cost);
            else span.setAttribute(GenAi.COST_UNKNOWN, true);
            span.setAttribute(GenAi.RETRIES, retries.get());
            if (out.mediaType() != null) span.setAttribute(GenAi.IMAGE_MEDIA_TYPE, out.mediaType());
            if (out.data() != null) span.setAttribute(GenAi.IMAGE_BYTES, (long) out.data().length);
            ChatSpans.recordMetrics(telemetry, GenAi.GENERATE_CONTENT, providerName, model.modelId(), responseModel, host, port, null, seconds,
                    null, cost, agent);
            return out;
        } catch (RuntimeException e) {
            String type = e instanceof ModelException me ? me.kind().name().toLowerCase(Locale.ROOT) : e.getClass().getName();
            span.setAttribute(GenAi.ERROR_TYPE, type);
            span.setAttribute(GenAi.RETRIES, retries.get());
            String msg = e.getMessage() == null ? type : e.getMessage().lines().findFirst().orElse(type);
            span.setStatus(StatusCode.ERROR, msg);
            ChatSpans.recordMetrics(telemetry, GenAi.GENERATE_CONTENT, providerName, model.modelId(), null, host, port, type,
                    (System.nanoTime() - t0) / 1e9, null, null, agent);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The provider seen from inside the span: every attempt after the first is a retry (the
     * metered client's backoff made it), counted on the span with an {@code atelier.retry} event.
     */
    static ImageClient countingAttempts(ImageClient provider) {
        return r -> {
            AttemptCount n = Context.current().get(ATTEMPTS);
            if (n != null && n.attempts.incrementAndGet() > 1) {
                AtomicInteger retries = Context.current().get(ChatSpans.RETRIES);
                int retry = retries == null ? n.attempts.get() - 1 : retries.incrementAndGet();
                Span.current().addEvent("atelier.retry", io.opentelemetry.api.common.Attributes.of(GenAi.RETRY_ATTEMPT, (long) retry));
            }
            return provider.generate(r);
        };
    }

    private record AttemptCount(AtomicInteger attempts) {}

    private static final io.opentelemetry.context.ContextKey<AttemptCount> ATTEMPTS = io.opentelemetry.context.ContextKey.named("atelier-image-attempts");
}
