package ai.atelier.model.wiring;

import ai.atelier.model.Backoff;
import ai.atelier.model.BudgetGuard;
import ai.atelier.model.CallMeter;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ContextGuard;
import ai.atelier.model.ImageClient;
import ai.atelier.model.Interceptor;
import ai.atelier.model.MeteredImages;
import ai.atelier.model.Metering;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.RetryInterceptor;
import ai.atelier.model.TokenUsage;
import ai.atelier.model.pricing.ModelPricing;
import ai.atelier.telemetry.ChatSpans;
import ai.atelier.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Strings the interceptors in front of one model's shared client for one step: budget guard →
 * cache (if enabled) → chat span (telemetry on) → metering into the step's meter → context guard →
 * retry with backoff → the model's concurrency limit → provider. Image calls get the same rules
 * ({@link MeteredImages}). Only the meter and telemetry are the step's; everything else is the
 * configuration's, from {@link OwnedClients}.
 */
final class ChainAssembly {
    private final OwnedClients owned;
    private final ModelPricing pricing;
    private final Function<Integer, Backoff> backoff;
    private final Double budgetUsd;
    private final boolean cache;

    ChainAssembly(OwnedClients owned, ModelPricing pricing, Function<Integer, Backoff> backoff, Double budgetUsd, boolean cache) {
        this.owned = owned;
        this.pricing = pricing;
        this.backoff = backoff;
        this.budgetUsd = budgetUsd;
        this.cache = cache;
    }

    ModelClient chat(ModelSpec m, CallMeter meter, Telemetry telemetry) {
        ModelClient provider = owned.chat(m);
        String providerLabel = pricing.providerLabel(m);
        List<Interceptor> chain = new ArrayList<>();
        if (budgetUsd != null) chain.add(new BudgetGuard(budgetUsd, meter.ledger()));
        if (cache) chain.add(owned.cache(m));
        Supplier<CatalogEntry> price = pricing.priceAtCallTime(m, provider);
        // one chat span per call, around metering and retries (only when telemetry is on)
        ChatSpans spans = telemetry.chatSpans(new ChatSpans.Model(m.name(), m.provider(), providerLabel, m.modelId(), m.baseUrl(),
                m.embedded() != null ? m.embedded().temperature() : null, price));
        if (spans != null) chain.add(spans);
        chain.add(Metering.priced(m.name(), providerLabel, price, meter));
        if (m.embedded() == null) chain.add(new ContextGuard(m, owned.windows(), () -> pricing.price(m))); // in-process models check their own slot
        chain.add(new RetryInterceptor(backoff.apply(m.maxRetries()), (req, attempt, e, wait) -> {
            meter.record(new ModelCall(req.role(), m.name(), providerLabel, req.purpose(), meter.nowMs(), 0, TokenUsage.NONE,
                    Metering.billedNothing(e) ? 0.0 : null, req.attempt(), MeteredImages.retryStatus(attempt, e, wait)));
            if (spans != null) Telemetry.retrying(attempt, e.kind().name().toLowerCase(Locale.ROOT), wait == null ? 0 : wait.toMillis());
        }));
        chain.add(owned.limit(m));
        return new ChatPipeline(chain, provider);
    }

    ImageClient images(ModelSpec m, CallMeter meter, Telemetry telemetry) {
        CatalogEntry price = pricing.price(m);
        // one generate_content span per picture, around its retries (only when telemetry is on)
        return telemetry.images(new ChatSpans.Model(m.name(), m.provider(), pricing.providerLabel(m), m.modelId(), m.baseUrl(), null, () -> price),
                owned.images(m), p -> new MeteredImages(p, m.name(), m.provider(), price, meter, budgetUsd,
                        backoff.apply(m.maxRetries()), owned.limit(m)));
    }
}
