package ai.atelier.reuse;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.ModelClient;
import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.SiteGenerator;
import ai.atelier.workflow.Promotion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Engines that reuse visitor-independent step outputs across visitors once a {@link ReuseStore} is
 * in use: the artist is wrapped in a {@link ReusingArtist}, and {@link #retriever} wraps a company's
 * retriever in a {@link ReusingRetriever}; every other role and method is the inner engines' own.
 * Until {@link #use} is called (and after {@code use(null, …)}) it is a pass-through, so the front
 * door can always hold one. The key's binding is the model config's fingerprint plus the model
 * the role is bound to (for a configured role: provider, model id, endpoint, image size and
 * quality), so a change of model, or of the config, draws anew.
 */
public final class ReusingEngines implements Engines {
    private record Active(ReuseStore store, Supplier<String> config) {}

    private final Engines inner;
    private final AtomicReference<Active> active;

    private ReusingEngines(Engines inner, AtomicReference<Active> active) {
        this.inner = inner;
        this.active = active;
    }

    /** A pass-through around {@code inner} until {@link #use} turns reuse on. */
    public static ReusingEngines around(Engines inner) {
        return new ReusingEngines(inner instanceof ReusingEngines r ? r.inner : inner, new AtomicReference<>());
    }

    public Engines inner() {
        return inner;
    }

    /**
     * Reuses outputs through {@code store} from now on (null: stop reusing). {@code config} names
     * the model bindings (the config file's SHA-256; null or empty for none), asked at each lookup.
     */
    public void use(ReuseStore store, Supplier<String> config) {
        active.set(store == null ? null : new Active(store, config == null ? () -> null : config));
    }

    /** The store in use, if reuse is on. */
    public Optional<ReuseStore> store() {
        Active a = active.get();
        return a == null ? Optional.empty() : Optional.of(a.store());
    }

    /** {@code r} with reuse of its results for {@code company}, when reuse is on; else {@code r}. */
    public Retriever retriever(Retriever r, Company company) {
        Active a = active.get();
        return a == null || r instanceof ReusingRetriever ? r : new ReusingRetriever(r, a.store(), company);
    }

    /** {@code promotion} seen through these engines: promotes the inner engines, and the larger ones reuse too. */
    public Promotion promotion(Promotion promotion) {
        return (role, current) -> promotion.promote(role, current instanceof ReusingEngines r ? r.inner : current)
                .map(bigger -> new ReusingEngines(bigger, active));
    }

    String binding(String role) {
        Active a = active.get();
        String config = a == null ? null : a.config().get();
        return "config:" + (config == null || config.isBlank() ? "none" : config) + "|model:" + inner.modelFor(role) + resolved(role);
    }

    /** What a configured role's model really is (provider, model id, endpoint, image size and quality), not only its name in the config. */
    private String resolved(String role) {
        if (!(inner instanceof ai.atelier.site.model.ConfiguredEngines c)) return "";
        return c.config().modelFor(role).map(m -> "|" + m.provider() + "|" + m.modelId() + "|" + m.baseUrl() + "|" + m.region()
                + "|" + m.imageSize() + "|" + m.imageQuality()).orElse("");
    }

    @Override
    public Optional<ai.atelier.site.RoleModel> model(String role) {
        return inner.model(role);
    }

    @Override
    public String modelFor(String role) {
        return inner.modelFor(role);
    }

    @Override
    public Personalizer personalizer(String role) {
        return inner.personalizer(role);
    }

    @Override
    public Artist artist(String role) {
        Artist a = inner.artist(role);
        Active on = active.get();
        return on == null ? a : new ReusingArtist(a, on.store(), binding(role));
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        return inner.developer(role);
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        return inner.siteGenerator(role);
    }

    @Override
    public Optional<ModelClient> chatModel(String role, PersonaContext ctx) {
        return inner.chatModel(role, ctx);
    }

    @Override
    public List<ModelClient> chatLadder(String role, PersonaContext ctx) {
        return inner.chatLadder(role, ctx);
    }

    @Override
    public int maxOutputTokens(String role) {
        return inner.maxOutputTokens(role);
    }

    @Override
    public <T> T builtin(String role, PersonaContext ctx, Function<PersonaContext, T> work) {
        return inner.builtin(role, ctx, work);
    }

    @Override
    public Optional<String> simulation() {
        return inner.simulation();
    }
}
