package ai.atelier.model;

/**
 * Records every call that reached a provider into the step's {@link CallMeter}: who asked, which
 * model, when, how long, the tokens the provider reported, and the cost Atelier computes from them
 * and the catalog price (never a provider's own cost figure). A model without a known price is
 * recorded with cost null, reported as unknown. Failed calls are recorded too, with their error.
 * The price is looked up after each call, so a model priced by measured throughput (a self-hosted
 * one, see {@code ai.atelier.model.pricing.MeasuredPrice}) is charged at the rate measured up to that call.
 */
public final class Metering implements Interceptor {
    private final String model;
    private final String provider;
    private final java.util.function.Supplier<CatalogEntry> price;
    private final CallMeter meter;

    /** @param price the catalog entry that prices this model, or null when it has none */
    public Metering(String model, String provider, CatalogEntry price, CallMeter meter) {
        this(() -> price, model, provider, meter);
    }

    /** Metering whose price is asked for after each call: {@code price} gives an entry, or null when the model has none. */
    public static Metering priced(String model, String provider, java.util.function.Supplier<CatalogEntry> price, CallMeter meter) {
        return new Metering(price, model, provider, meter);
    }

    private Metering(java.util.function.Supplier<CatalogEntry> price, String model, String provider, CallMeter meter) {
        this.model = model;
        this.provider = provider;
        this.price = price;
        this.meter = meter;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest r = chain.request();
        long start = meter.nowMs();
        try {
            ChatResponse resp = chain.proceed(r);
            meter.record(new ModelCall(r.role(), model, provider, r.purpose(), start, meter.nowMs() - start, resp.usage(),
                    CostCalculator.tokens(price.get(), resp.usage()), r.attempt(), "ok"));
            return resp;
        } catch (ModelException e) {
            meter.record(failed(r, start, e));
            throw e;
        }
    }

    private ModelCall failed(ChatRequest r, long start, ModelException e) {
        if (e.usage() != null) { // answered, then refused by Atelier (a cut prompt): the call was paid, keep its usage
            return new ModelCall(r.role(), model, provider, r.purpose(), start, meter.nowMs() - start, e.usage(),
                    CostCalculator.tokens(price.get(), e.usage()), r.attempt(), "error: " + e.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new ModelCall(r.role(), model, provider, r.purpose(), start, meter.nowMs() - start, TokenUsage.NONE,
                billedNothing(e) ? 0.0 : null, r.attempt(), "error: " + e.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a failure certainly cost nothing: refused before or by the provider with an error
     * status. A timeout, a refusal or a broken response may have been billed, so its cost is unknown.
     */
    public static boolean billedNothing(ModelException e) {
        return switch (e.kind()) {
            case TIMEOUT, MALFORMED_RESPONSE, TRUNCATED_RESPONSE, REFUSED -> false;
            default -> true;
        };
    }
}
