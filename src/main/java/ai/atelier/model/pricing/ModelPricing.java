package ai.atelier.model.pricing;

import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.Tier;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What each configured model costs, decided in one place: the catalog entry the config names, else
 * the entry with the same name or provider and model id, else — for a model that measures its own
 * throughput (in-process) — its measured price, else free but marked self-hosted when its provider
 * says it runs on the user's own machines, else unknown (null, reported as such). It also labels a
 * model's provider in the trace ("ollama (self-hosted)"). The wiring hands it the catalog, how to
 * reach a model's client (for measured prices) and which models are self-hosted (the provider's
 * answer), so this room knows no provider by name.
 */
public final class ModelPricing {
    private final ModelCatalog catalog;
    private final Function<ModelSpec, ModelClient> clients;
    private final Predicate<ModelSpec> selfHosted;

    /**
     * @param catalog    the bundled catalog with the config's overrides
     * @param clients    a model's (shared) provider client, asked only for in-process models
     * @param selfHosted whether a model runs on the user's own machines (its provider decides)
     */
    public ModelPricing(ModelCatalog catalog, Function<ModelSpec, ModelClient> clients, Predicate<ModelSpec> selfHosted) {
        this.catalog = catalog;
        this.clients = clients;
        this.selfHosted = selfHosted;
    }

    /** The bundled catalog with the config's own entries, as this configuration prices its models. */
    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The price of a model: its named catalog entry, else the entry with the same provider and model
     * id, else free if it runs on the user's own machine (marked self-hosted), else unknown (null).
     */
    public CatalogEntry price(ModelSpec m) {
        if (m.catalog() != null) return catalog.find(m.catalog()).orElse(null);
        if (m.embedded() != null) return measuredPrice(m);
        Optional<CatalogEntry> byName = catalog.find(m.name()).filter(e -> e.modelId().equals(m.modelId()));
        if (byName.isPresent()) return byName.get();
        Optional<CatalogEntry> byId = catalog.all().stream()
                .filter(e -> m.provider().equals(e.provider()) && m.modelId().equals(e.modelId())).findFirst();
        if (byId.isPresent()) return byId.get();
        if (selfHosted.test(m)) {
            return new CatalogEntry(m.name(), m.provider(), m.modelId(), Tier.SMALL, "chat", null, 0.0, 0.0, null,
                    Map.of(), true, "self-hosted: no price configured, counted as 0", null);
        }
        return null;
    }

    /**
     * A model's price at the time of each call: a self-hosted model that measures its own throughput
     * is priced from it, unless the config names a catalog entry for it; every other model has its
     * catalog price, looked up once.
     */
    public Supplier<CatalogEntry> priceAtCallTime(ModelSpec m, ModelClient provider) {
        if (m.catalog() == null && provider instanceof MeasuredPrice measured) return measured::catalogEntry;
        CatalogEntry fixed = price(m);
        return () -> fixed;
    }

    /** The provider as the trace names it: its keyword, marked self-hosted (and estimated, when a machine cost prices it). */
    public String providerLabel(ModelSpec m) {
        CatalogEntry e = price(m);
        if (e == null || !e.selfHosted()) return m.provider();
        boolean machineCost = m.embedded() != null && m.embedded().machineCostPerHour() != null && m.embedded().machineCostPerHour() > 0;
        return m.provider() + (machineCost ? " (self-hosted, estimated cost)" : " (self-hosted)");
    }

    /** An in-process model's price over the throughput measured so far (unknown while its file cannot be read). */
    private CatalogEntry measuredPrice(ModelSpec m) {
        if (!(clients.apply(m) instanceof MeasuredPrice measured)) return null;
        try {
            return measured.catalogEntry();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
