package ai.atelier.model.wiring;

import ai.atelier.model.AtelierConfig;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code atelier models} shows: every catalog entry (provider, model id, tier, prices, context
 * window, source and date) and every configured model with the roles bound to it, its price entry
 * and whether its credentials are present — never their values.
 */
public final class ModelInventory {
    /** One catalog row, formatted for display. */
    public record CatalogRow(String name, String provider, String modelId, String tier, String price, String context, String source) {}

    /** One configured model, with what runs on it and whether it can be reached. */
    public record ConfiguredRow(String name, String provider, String modelId, String roles, String price, String credentials) {}

    private final AtelierConfig config;
    private final Providers providers;
    private final Credentials credentials;

    public ModelInventory(AtelierConfig config, Providers providers, Credentials credentials) {
        this.config = config;
        this.providers = providers;
        this.credentials = credentials;
    }

    public List<CatalogRow> catalog() {
        List<CatalogRow> rows = new ArrayList<>();
        for (CatalogEntry e : config.catalogWithOverrides().all()) {
            rows.add(new CatalogRow(e.name(), e.provider(), e.modelId(), e.tier().label(), price(e),
                    e.contextWindow() == null || e.contextWindow() == 0 ? "-" : String.format(Locale.ROOT, "%,d", e.contextWindow()),
                    (e.source() == null ? "" : e.source()) + (e.asOf() == null ? "" : " (" + e.asOf() + ")")));
        }
        return rows;
    }

    public List<ConfiguredRow> configured(java.util.function.Function<ModelSpec, CatalogEntry> pricing) {
        List<ConfiguredRow> rows = new ArrayList<>();
        for (ModelSpec m : config.models().values()) {
            String roles = config.roles().entrySet().stream().filter(r -> r.getValue().equals(m.name())).map(Map.Entry::getKey)
                    .collect(Collectors.joining(", "));
            String escal = config.escalation().entrySet().stream().filter(r -> r.getValue().contains(m.name()))
                    .map(r -> r.getKey() + " (escalation)").collect(Collectors.joining(", "));
            String all = String.join(", ", List.of(roles, escal).stream().filter(s -> !s.isEmpty()).toList());
            CatalogEntry e = pricing.apply(m);
            String status;
            try {
                status = providers.get(m.provider()).credentialStatus(m, credentials);
            } catch (RuntimeException ex) {
                status = "cannot check: " + ex.getMessage();
            }
            rows.add(new ConfiguredRow(m.name(), m.provider(), m.modelId(), all.isEmpty() ? "(unbound)" : all,
                    e == null ? "unknown price (add a catalog: entry)"
                            : e.name() + ": " + price(e) + (e.selfHosted() && e.source() != null ? " — " + e.source() : ""), status));
        }
        return rows;
    }

    static String price(CatalogEntry e) {
        if (e.isImageModel()) {
            return e.perImage().isEmpty() ? "unknown" : e.perImage().entrySet().stream()
                    .map(x -> String.format(Locale.ROOT, "%s $%.3f", x.getKey(), x.getValue())).collect(Collectors.joining(", ")) + " per image";
        }
        if (!e.hasTokenPrice()) return "unknown";
        String p = String.format(Locale.ROOT, "$%.3f in / $%.3f out per 1M tok", e.inputPerMTok(), e.outputPerMTok());
        if (e.cachedInputPerMTok() != null) p += String.format(Locale.ROOT, " (cached in $%.4f)", e.cachedInputPerMTok());
        return e.selfHosted() ? p + ", self-hosted" : p;
    }
}
