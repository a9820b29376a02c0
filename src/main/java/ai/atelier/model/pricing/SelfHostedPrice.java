package ai.atelier.model.pricing;

import ai.atelier.model.LlamaSettings;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.LlamaSettings;
import ai.atelier.model.Tier;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The price of a model that runs on our own machine: nobody bills per token, but the machine costs
 * money by the hour, so a token costs that hourly rate divided by how many tokens the machine gets
 * through in an hour. Prompt and generated tokens are priced apart, each over its own measured
 * speed. The result is a catalog entry marked self-hosted whose source says it is an estimate and
 * from what; with no machine cost configured the price is zero, still marked self-hosted. Before
 * anything was measured the price is unknown (null), never made up.
 */
public final class SelfHostedPrice {
    private SelfHostedPrice() {}

    /** USD per 1M tokens at {@code tokensPerSecond} on a machine costing {@code usdPerHour}; null if no speed is known. */
    public static Double perMillionTokens(double usdPerHour, double tokensPerSecond) {
        if (tokensPerSecond <= 0) return null;
        double usd = usdPerHour / (tokensPerSecond * 3600.0) * 1e6;
        return Math.round(usd * 1e6) / 1e6;
    }

    /** A catalog entry for an embedded model (its file name as the model id) priced from its machine cost and the throughput measured so far. */
    public static CatalogEntry entry(String name, String modelFile, Double machineCostPerHour, int contextWindow, Throughput measured) {
        Double in;
        Double out;
        String source;
        if (machineCostPerHour == null || machineCostPerHour == 0) {
            in = 0.0;
            out = 0.0;
            source = "self-hosted: no machine cost configured (set machineCostPerHour to price it)";
        } else {
            in = perMillionTokens(machineCostPerHour, measured.promptTokensPerSecond());
            out = perMillionTokens(machineCostPerHour, measured.generationTokensPerSecond());
            source = in == null || out == null
                    ? "self-hosted: price unknown until a call has been measured"
                    : String.format(Locale.ROOT, "self-hosted estimate: $%.4f/h over measured %.1f prompt tok/s and %.1f generated tok/s (%d calls)",
                    machineCostPerHour, measured.promptTokensPerSecond(), measured.generationTokensPerSecond(), measured.calls());
        }
        return new CatalogEntry(name, LlamaSettings.PROVIDER, modelFile, Tier.SMALL, "chat", contextWindow,
                in, out, null, null, true, source, LocalDate.now().toString());
    }
}
