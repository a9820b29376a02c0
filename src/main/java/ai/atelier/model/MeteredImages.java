package ai.atelier.model;

import java.util.Locale;

/**
 * An image client with the chat pipeline's rules: the site budget is checked first, calls wait
 * for a slot on the provider, failures are retried with backoff (each retry recorded), and every
 * picture is recorded in the step's meter with its per-image catalog price (null when the catalog
 * lists no price for that size and quality).
 */
public final class MeteredImages implements ImageClient {
    private final ImageClient provider;
    private final String model;
    private final String providerName;
    private final CatalogEntry price;
    private final CallMeter meter;
    private final Double budgetUsd;
    private final Backoff backoff;
    private final ConcurrencyLimit limit;

    public MeteredImages(ImageClient provider, String model, String providerName, CatalogEntry price, CallMeter meter,
                         Double budgetUsd, Backoff backoff, ConcurrencyLimit limit) {
        this.provider = provider;
        this.model = model;
        this.providerName = providerName;
        this.price = price;
        this.meter = meter;
        this.budgetUsd = budgetUsd;
        this.backoff = backoff;
        this.limit = limit;
    }

    @Override
    public ImageResult generate(ImageRequest r) {
        if (budgetUsd != null) BudgetGuard.check(budgetUsd, meter.ledger());
        long start = meter.nowMs();
        try {
            ImageResult out = backoff.run(() -> limit.run(() -> provider.generate(r)), (attempt, e, wait) ->
                    meter.record(new ModelCall(r.role(), model, providerName, r.purpose(), start, meter.nowMs() - start, TokenUsage.NONE,
                            Metering.billedNothing(e) ? 0.0 : null, 1, retryStatus(attempt, e, wait))));
            meter.record(new ModelCall(r.role(), model, providerName, r.purpose(), start, meter.nowMs() - start, TokenUsage.NONE,
                    CostCalculator.images(price, r.size(), r.quality(), 1), 1, "ok"));
            return out;
        } catch (ModelException e) {
            meter.record(new ModelCall(r.role(), model, providerName, r.purpose(), start, meter.nowMs() - start, TokenUsage.NONE,
                    Metering.billedNothing(e) ? 0.0 : null, 1, "error: " + e.kind().name().toLowerCase(Locale.ROOT)));
            throw e;
        }
    }

    /** The trace status of a failed attempt that will be retried. */
    public static String retryStatus(int attempt, ModelException e, java.time.Duration wait) {
        return "retry " + attempt + ": " + e.kind().name().toLowerCase(Locale.ROOT)
                + (e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "") + ", waited " + wait.toMillis() + " ms";
    }
}
