package ai.atelier.model;

/**
 * Prices a call from its usage and the catalog, the only way cost enters Atelier. Input tokens
 * read from the provider's prompt cache are billed at the cached price, those written to it at the
 * cache-write price, each falling back to the input price when the catalog has none; the rest at
 * the input price. An entry with no price gives null (unknown), never zero.
 */
public final class CostCalculator {
    private CostCalculator() {}

    public static Double tokens(CatalogEntry model, TokenUsage usage) {
        if (model == null || !model.hasTokenPrice()) return null;
        long cached = Math.min(usage.cachedInputTokens(), usage.inputTokens());
        long written = Math.min(usage.cacheWriteInputTokens(), usage.inputTokens() - cached);
        long fresh = usage.inputTokens() - cached - written;
        double cachedPrice = model.cachedInputPerMTok() != null ? model.cachedInputPerMTok() : model.inputPerMTok();
        double writePrice = model.cacheWriteInputPerMTok() != null ? model.cacheWriteInputPerMTok() : model.inputPerMTok();
        double usd = fresh * model.inputPerMTok() / 1e6 + cached * cachedPrice / 1e6 + written * writePrice / 1e6
                + usage.outputTokens() * model.outputPerMTok() / 1e6;
        return round(usd);
    }

    /** Price of {@code count} images of a size ("1024x1024") and quality ("standard"); null if not listed. */
    public static Double images(CatalogEntry model, String size, String quality, int count) {
        if (model == null) return null;
        Double each = model.perImage().get(size + "/" + (quality == null ? "standard" : quality));
        return each == null ? null : round(each * count);
    }

    /** Rounds to a tenth of a micro-dollar, so sums stay exact to the micro-dollar. */
    static double round(double usd) {
        return Math.round(usd * 1e7) / 1e7;
    }
}
