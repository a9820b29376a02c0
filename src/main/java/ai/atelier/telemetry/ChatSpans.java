package ai.atelier.telemetry;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.CostCalculator;
import ai.atelier.model.Interceptor;
import ai.atelier.model.ModelException;
import ai.atelier.model.TokenUsage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One {@code chat {model}} span per model call, as an interceptor in the model pipeline (after the
 * cache, before metering and retry, so one span covers the call with all its retries, as the GenAI
 * conventions ask). The span is current while the call runs, so the provider's HTTP request carries
 * its {@code traceparent}. It records the conventions' request and response attributes and usage,
 * Atelier's cost (from the catalog, the same computation as metering), whether tokens were estimated,
 * retries, structured-output repair and escalation; and the GenAI client metrics.
 */
public final class ChatSpans implements Interceptor {
    static final ContextKey<AtomicInteger> RETRIES = ContextKey.named("atelier-retries");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The model behind a pipeline: config name, provider keyword, the provider's model id, base
     * URL (may be null), sampling temperature when Atelier sets one (else null), and its price.
     */
    public record Model(String name, String provider, String providerLabel, String modelId, String baseUrl, Double temperature,
                        Supplier<CatalogEntry> price) {
        /** The host of the model's endpoint ({@code server.address}); null when it has none (in-process models, a provider's default). */
        String serverHost() {
            URI uri = endpoint();
            return uri == null ? null : uri.getHost();
        }

        /** The port of the model's endpoint ({@code server.port}), the scheme's default when the URL names none; -1 without one. */
        long serverPort() {
            URI uri = endpoint();
            return uri == null ? -1 : uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        }

        private URI endpoint() {
            if (baseUrl == null || baseUrl.isBlank()) return null;
            try {
                return URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final Telemetry telemetry;
    private final Model model;
    private final String providerName;
    private final String host;
    private final long port;

    ChatSpans(Telemetry telemetry, Model model) {
        this.telemetry = telemetry;
        this.model = model;
        this.providerName = GenAi.providerName(model.provider());
        this.host = model.serverHost();
        this.port = model.serverPort();
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        Context parent = Context.current();
        String agent = parent.get(Telemetry.AGENT);
        String purpose = r.purpose() == null ? "" : r.purpose();
        var b = telemetry.tracer().spanBuilder(GenAi.CHAT + " " + model.modelId()).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT)
                .setAttribute(GenAi.PROVIDER_NAME, providerName)
                .setAttribute(GenAi.REQUEST_MODEL, model.modelId())
                .setAttribute(GenAi.MODEL, model.name())
                .setAttribute(GenAi.PROVIDER, model.providerLabel())
                .setAttribute(GenAi.REQUEST_MAX_TOKENS, r.maxOutputTokens())
                .setAttribute(GenAi.OUTPUT_TYPE, r.wantsJson() ? "json" : "text")
                .setAttribute(GenAi.ROLE, r.role())
                .setAttribute(GenAi.PURPOSE, purpose)
                .setAttribute(GenAi.ATTEMPT, r.attempt())
                .setAttribute(GenAi.REPAIR, purpose.contains("(repair)"))
                .setAttribute(GenAi.ESCALATED, purpose.contains("(escalated)"));
        if (agent != null) b.setAttribute(GenAi.AGENT_NAME, agent);
        if (model.temperature() != null) b.setAttribute(GenAi.REQUEST_TEMPERATURE, model.temperature());
        if (host != null) b.setAttribute(GenAi.SERVER_ADDRESS, host).setAttribute(GenAi.SERVER_PORT, port);
        Span span = b.startSpan();
        if (telemetry.captureContent()) {
            if (r.system() != null) span.setAttribute(GenAi.SYSTEM_INSTRUCTIONS, textParts(r.system()).toString());
            span.setAttribute(GenAi.INPUT_MESSAGES, message("user", r.user(), null).toString());
        }
        AtomicInteger retries = new AtomicInteger();
        long t0 = System.nanoTime();
        try (Scope ignored = parent.with(span).with(RETRIES, retries).makeCurrent()) {
            ChatResponse resp = chain.proceed(r);
            double seconds = (System.nanoTime() - t0) / 1e9;
            TokenUsage u = resp.usage() == null ? TokenUsage.NONE : resp.usage();
            Double cost = CostCalculator.tokens(model.price().get(), u);
            String responseModel = resp.model() != null ? resp.model() : model.modelId();
            span.setAttribute(GenAi.RESPONSE_MODEL, responseModel);
            if (resp.finishReason() != null) span.setAttribute(GenAi.RESPONSE_FINISH_REASONS, List.of(resp.finishReason()));
            span.setAttribute(GenAi.USAGE_INPUT_TOKENS, u.inputTokens());
            span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, u.outputTokens());
            if (u.cachedInputTokens() > 0) span.setAttribute(GenAi.USAGE_CACHE_READ_INPUT_TOKENS, u.cachedInputTokens());
            span.setAttribute(GenAi.TOKENS_ESTIMATED, u.estimated());
            if (cost != null) span.setAttribute(GenAi.COST_USD, cost);
            else span.setAttribute(GenAi.COST_UNKNOWN, true);
            span.setAttribute(GenAi.RETRIES, retries.get());
            if (telemetry.captureContent()) span.setAttribute(GenAi.OUTPUT_MESSAGES, message("assistant", resp.text(), resp.finishReason()).toString());
            recordMetrics(telemetry, GenAi.CHAT, providerName, model.modelId(), responseModel, host, port, null, seconds, u, cost, agent);
            return resp;
        } catch (RuntimeException e) {
            String type = e instanceof ModelException me ? me.kind().name().toLowerCase(Locale.ROOT) : e.getClass().getName();
            span.setAttribute(GenAi.ERROR_TYPE, type);
            span.setAttribute(GenAi.RETRIES, retries.get());
            String msg = e.getMessage() == null ? type : e.getMessage().lines().findFirst().orElse(type);
            span.setStatus(StatusCode.ERROR, msg);
            recordMetrics(telemetry, GenAi.CHAT, providerName, model.modelId(), null, host, port, type, (System.nanoTime() - t0) / 1e9, null, null, agent);
            throw e;
        } finally {
            span.end();
        }
    }

    /** A retry inside the current chat span: counted into its {@code atelier.retries} and noted as an event. */
    static void retrying(int attempt, String errorType, long waitMs) {
        AtomicInteger n = Context.current().get(RETRIES);
        if (n == null) return;
        n.incrementAndGet();
        Span.current().addEvent("atelier.retry", Attributes.of(GenAi.RETRY_ATTEMPT, (long) attempt, GenAi.ERROR_TYPE, errorType,
                GenAi.RETRY_WAIT_MS, waitMs));
    }

    /** The GenAI client metrics of one call, plus Atelier's cost counter (by agent, for cost per persona). */
    static void recordMetrics(Telemetry t, String operation, String provider, String requestModel, String responseModel, String host, long port,
                              String errorType, double seconds, TokenUsage usage, Double cost, String agent) {
        AttributesBuilder a = Attributes.builder().put(GenAi.OPERATION_NAME, operation).put(GenAi.PROVIDER_NAME, provider)
                .put(GenAi.REQUEST_MODEL, requestModel);
        if (responseModel != null) a.put(GenAi.RESPONSE_MODEL, responseModel);
        if (host != null) a.put(GenAi.SERVER_ADDRESS, host).put(GenAi.SERVER_PORT, port);
        Attributes base = a.build();
        Instruments m = t.instruments();
        m.operationDuration.record(seconds, errorType == null ? base : base.toBuilder().put(GenAi.ERROR_TYPE, errorType).build());
        if (usage != null && errorType == null) {
            m.tokenUsage.record(usage.inputTokens(), base.toBuilder().put(GenAi.TOKEN_TYPE, "input").build());
            m.tokenUsage.record(usage.outputTokens(), base.toBuilder().put(GenAi.TOKEN_TYPE, "output").build());
        }
        if (cost != null && cost > 0) {
            m.cost.add(cost, Attributes.builder().put(GenAi.PROVIDER_NAME, provider).put(GenAi.REQUEST_MODEL, requestModel)
                    .put(GenAi.AGENT_NAME, agent == null ? "" : agent).build());
        }
    }

    private static ArrayNode textParts(String text) {
        ArrayNode parts = JSON.createArrayNode();
        parts.addObject().put("type", "text").put("content", text);
        return parts;
    }

    private static ArrayNode message(String role, String text, String finishReason) {
        ArrayNode messages = JSON.createArrayNode();
        ObjectNode m = messages.addObject().put("role", role);
        m.set("parts", textParts(text == null ? "" : text));
        if (finishReason != null) m.put("finish_reason", finishReason);
        return messages;
    }

}
