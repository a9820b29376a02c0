package ai.atelier.model;

import java.util.Map;

/**
 * One model the catalog knows: how to reach it, its size class and its list price. Token prices are
 * USD per 1M tokens (null when unknown): {@code cachedInputPerMTok} for prompt tokens read from the
 * provider's cache, {@code cacheWriteInputPerMTok} for those written to it (dearer than input at
 * Anthropic); image prices are USD per image keyed "WxH/quality".
 * {@code selfHosted} marks local models whose price, if any, is the machine's cost spread over its
 * throughput.
 */
public record CatalogEntry(
        String name,
        String provider,
        String modelId,
        Tier tier,
        String kind,
        Integer contextWindow,
        Double inputPerMTok,
        Double outputPerMTok,
        Double cachedInputPerMTok,
        Double cacheWriteInputPerMTok,
        Map<String, Double> perImage,
        boolean selfHosted,
        String source,
        String asOf) {

    public CatalogEntry {
        perImage = perImage == null ? Map.of() : Map.copyOf(perImage);
    }

    /** An entry with no cache-write price (the form before prompt caching was priced). */
    public CatalogEntry(String name, String provider, String modelId, Tier tier, String kind, Integer contextWindow,
                        Double inputPerMTok, Double outputPerMTok, Double cachedInputPerMTok, Map<String, Double> perImage,
                        boolean selfHosted, String source, String asOf) {
        this(name, provider, modelId, tier, kind, contextWindow, inputPerMTok, outputPerMTok, cachedInputPerMTok, null,
                perImage, selfHosted, source, asOf);
    }

    public boolean isImageModel() {
        return "image".equals(kind);
    }

    /** True when a token cost can be computed (both input and output prices are known). */
    public boolean hasTokenPrice() {
        return inputPerMTok != null && outputPerMTok != null;
    }
}
