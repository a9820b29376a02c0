package ai.atelier.site.model;

import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.model.wiring.ConfiguredModels;
import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.Personalizer;
import ai.atelier.site.RoleModel;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.builtin.BuiltinEngines;
import java.util.Optional;
import java.util.function.Function;

/**
 * The personas a configuration asks for: a role bound to a model gets the model-backed persona,
 * handed that role's model ({@link RoleModel}) and nothing else; every other role the built-in
 * engine's. The models themselves — clients, concurrency limits, caches, prices and the chain in
 * front of each — are built and owned by {@link ConfiguredModels}, in the model room.
 */
public final class ConfiguredEngines implements Engines, AutoCloseable {
    private final ConfiguredModels models;
    private final BuiltinEngines builtin = new BuiltinEngines();

    public ConfiguredEngines(ConfiguredModels models) {
        this.models = models;
    }

    public ConfiguredEngines(AtelierConfig config, Providers providers, Credentials credentials) {
        this(ConfiguredModels.builder(config).providers(providers).credentials(credentials).build());
    }

    /** @param backoff the retry policy for a model's maxRetries (tests pass one that does not sleep) */
    public ConfiguredEngines(AtelierConfig config, Providers providers, Credentials credentials, Function<Integer, Backoff> backoff) {
        this(ConfiguredModels.builder(config).providers(providers).credentials(credentials).backoff(backoff).build());
    }

    public AtelierConfig config() {
        return models.config();
    }

    /** The models behind these engines. */
    public ConfiguredModels models() {
        return models;
    }

    /**
     * These engines with {@code role} promoted one rung up its escalation ladder (bound to the next
     * larger model, the rest of the ladder kept), or empty when the role has nowhere to go. The
     * revise loop turns here when a role's revision rounds are spent and its page still fails. The
     * promoted engines share these engines' clients and concurrency limits.
     */
    public Optional<Engines> promoted(String role) {
        return models.promoted(role).map(ConfiguredEngines::new);
    }

    @Override
    public Optional<RoleModel> model(String role) {
        return models.modelFor(role).map(m -> new BoundModel(models, role, m.name()));
    }

    /**
     * The catalog name that prices the model bound to {@code role} (the config's own {@code catalog:}
     * entries included), for estimates priced outside a call: the model's name when it has no
     * price, the built-in engine's when the role is unbound.
     */
    public String pricedAs(String role) {
        return models.modelFor(role).map(m -> {
            CatalogEntry e = models.price(m);
            return e == null || e.selfHosted() && catalog().find(e.name()).isEmpty() ? m.name() : e.name();
        }).orElse(BuiltinEngines.MODEL);
    }

    /** The bundled catalog with the config's own entries, as this configuration prices its models. */
    public ModelCatalog catalog() {
        return models.pricing().catalog();
    }

    @Override
    public Personalizer personalizer(String role) {
        return model(role).<Personalizer>map(ModelPersonalizer::new).orElseGet(() -> builtin.personalizer(role));
    }

    @Override
    public Artist artist(String role) {
        Optional<ModelSpec> m = models.modelFor(role);
        if (m.isEmpty()) return builtin.artist(role);
        return new ModelArtist(model(role).orElseThrow(), m.get().imageSize(), m.get().imageQuality());
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        return model(role).<FrontEndDeveloper>map(r -> new ModelFrontEndDeveloper(r, config().developerMode())).orElseGet(() -> builtin.developer(role));
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        return model(role).<SiteGenerator>map(r -> new ModelSiteGenerator(r, config().developerMode())).orElseGet(() -> builtin.siteGenerator(role));
    }

    /** The price of a model (catalog, measured or self-hosted); see {@code ai.atelier.model.pricing.ModelPricing}. */
    public CatalogEntry price(ModelSpec m) {
        return models.price(m);
    }

    /** Releases what the providers hold (in-process models' native memory); the facade calls this on shutdown. */
    @Override
    public void close() {
        models.close();
    }
}
