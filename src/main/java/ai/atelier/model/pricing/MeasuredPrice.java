package ai.atelier.model.pricing;

import ai.atelier.model.CatalogEntry;

/**
 * A model whose price is measured while it runs rather than listed: a self-hosted model costs its
 * machine's hourly rate spread over the tokens per second it actually achieves, so the price per
 * token changes as calls are measured. Metering asks for the entry after each call, so every call
 * is priced over the throughput measured up to and including it.
 */
public interface MeasuredPrice {
    /** The current price entry (marked self-hosted), never null. */
    CatalogEntry catalogEntry();
}
