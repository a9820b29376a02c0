package ai.atelier.site.model;

import ai.atelier.AtelierException;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.BudgetGuard;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ConcurrencyLimit;
import ai.atelier.model.ContextGuard;
import ai.atelier.model.ContextWindows;
import ai.atelier.model.Escalation;
import ai.atelier.model.ImageClient;
import ai.atelier.model.Interceptor;
import ai.atelier.model.MeasuredPrice;
import ai.atelier.model.MeteredImages;
import ai.atelier.model.Metering;
import ai.atelier.model.ModelCall;
import ai.atelier.model.ModelCatalog;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.ResponseCache;
import ai.atelier.model.RetryInterceptor;
import ai.atelier.model.TokenUsage;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.telemetry.ChatSpans;
import ai.atelier.telemetry.Telemetry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engines a configuration asks for: roles bound to a model get model-backed personas, the rest
 * the built-in engine. Every model call passes the same chain: budget guard, cache (if enabled),
 * metering into the step's meter with catalog prices, retry with backoff, the model's concurrency
 * limit, then the provider. Provider clients and concurrency limits are built once per model and
 * shared across steps and sites; meters and budgets belong to each run.
 */
public final class ConfiguredEngines implements Engines, RoleModels, AutoCloseable {
    private final AtelierConfig config;
    private final Providers providers;
    private final Credentials credentials;
    private final ModelCatalog catalog;
    private final BuiltinEngines builtin = new BuiltinEngines();
    private final Function<Integer, Backoff> backoff;
    private final Map<String, ModelClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ImageClient> imageClients = new ConcurrentHashMap<>();
    private final Map<String, ConcurrencyLimit> limits = new ConcurrentHashMap<>();
    private final Map<String, ResponseCache> caches = new ConcurrentHashMap<>();
    private final ContextWindows windows = new ContextWindows();

    public ConfiguredEngines(AtelierConfig config, Providers providers, Credentials credentials) {
        this(config, providers, credentials, Backoff::standard);
    }

    /** @param backoff the retry policy for a model's maxRetries (tests pass one that does not sleep) */
    public ConfiguredEngines(AtelierConfig config, Providers providers, Credentials credentials, Function<Integer, Backoff> backoff) {
        this.config = config;
        this.providers = providers;
        this.credentials = credentials;
        this.catalog = config.catalogWithOverrides();
        this.backoff = backoff;
        for (ModelSpec m : config.models().values()) providers.get(m.provider());
    }

    public AtelierConfig config() {
        return config;
    }

    /**
     * These engines with {@code role} moved one step up its escalation ladder (bound to the next
     * larger model, the rest of the ladder kept), or empty when the role has nowhere to go. The
     * revise loop turns here when a role's revision rounds are spent and its page still fails.
     */
    public Optional<Engines> escalated(String role) {
        List<String> ladder = config.escalation().getOrDefault(role, List.of());
        if (!bound(role) || ladder.isEmpty()) return Optional.empty();
        Map<String, String> roles = new java.util.HashMap<>(config.roles());
        roles.put(role, ladder.get(0));
        Map<String, List<String>> escalation = new java.util.HashMap<>(config.escalation());
        escalation.put(role, ladder.subList(1, ladder.size()));
        AtelierConfig next = new AtelierConfig(config.models(), roles, escalation, config.budgetPerSiteUsd(), config.developerMode(),
                config.cache(), config.catalog(), config.source());
        return Optional.of(new ConfiguredEngines(next, providers, credentials, backoff));
    }

    @Override
    public String modelFor(String role) {
        return config.modelFor(role).map(ModelSpec::name).orElse(BuiltinEngines.MODEL);
    }

    @Override
    public Personalizer personalizer(String role) {
        return bound(role) ? new ModelPersonalizer(this) : builtin.personalizer(role);
    }

    @Override
    public Artist artist(String role) {
        if (!bound(role)) return builtin.artist(role);
        ModelSpec m = config.modelFor(role).orElseThrow();
        return new ModelArtist(this, m.imageSize(), m.imageQuality());
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        return bound(role) ? new ModelFrontEndDeveloper(this, config.developerMode()) : builtin.developer(role);
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        return bound(role) ? new ModelSiteGenerator(this, config.developerMode()) : builtin.siteGenerator(role);
    }

    @Override
    public Optional<ModelClient> chatModel(String role, PersonaContext ctx) {
        if (!bound(role)) return Optional.empty();
        List<ModelClient> ladder = ladder(role, ctx);
        ModelClient own = ladder.get(0);
        if (ladder.size() == 1) return Optional.of(own);
        return Optional.of(new ChatPipeline(List.of(new Escalation(ladder.subList(1, ladder.size()))), own));
    }

    @Override
    public List<ModelClient> chatLadder(String role, PersonaContext ctx) {
        return bound(role) ? ladder(role, ctx) : List.of();
    }

    @Override
    public List<ModelClient> ladder(String role, PersonaContext ctx) {
        ModelSpec own = config.modelFor(role)
                .orElseThrow(() -> new AtelierException("role " + role + " is not bound to a model in the config"));
        List<ModelClient> out = new ArrayList<>();
        out.add(pipeline(own, ctx));
        for (ModelSpec higher : config.ladderFor(role)) out.add(pipeline(higher, ctx));
        return out;
    }

    @Override
    public ImageClient images(String role, PersonaContext ctx) {
        ModelSpec m = config.modelFor(role).orElseThrow(() -> new AtelierException("role " + role + " is not bound to an image model"));
        ImageClient provider = imageClients.computeIfAbsent(m.name(), n -> providers.get(m.provider()).images(m, credentials));
        CatalogEntry price = price(m);
        // one generate_content span per picture, around its retries (only when telemetry is on)
        return ctx.telemetry().images(new ChatSpans.Model(m.name(), m.provider(), providerLabel(m), m.modelId(), m.baseUrl(), null, () -> price),
                provider, p -> new MeteredImages(p, m.name(), m.provider(), price, ctx.meter(), config.budgetPerSiteUsd(),
                        backoff.apply(m.maxRetries()), limit(m)));
    }

    @Override
    public int maxOutputTokens(String role) {
        return config.modelFor(role).map(ModelSpec::maxOutputTokens).orElse(ModelSpec.DEFAULT_MAX_OUTPUT_TOKENS);
    }

    /**
     * The context window of the role's model, when known (config, llama.cpp's /props, catalog), for
     * personas that trim what may be trimmed before asking.
     */
    @Override
    public java.util.OptionalInt contextWindow(String role) {
        return config.modelFor(role).filter(m -> m.embedded() == null)
                .flatMap(m -> windows.window(m, price(m))).map(w -> java.util.OptionalInt.of(w.tokens())).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public long promptTokens(String role, String system, String user) {
        return config.modelFor(role).map(m -> windows.count(m, new ai.atelier.model.ChatRequest(role, "count", system, user, null, 0, null)).tokens())
                .orElseGet(() -> RoleModels.super.promptTokens(role, system, user));
    }

    /** The chain around one model for one step: budget → cache → chat span (telemetry on) → metering → context guard → retry → concurrency → provider. */
    ModelClient pipeline(ModelSpec m, PersonaContext ctx) {
        ModelClient provider = clients.computeIfAbsent(m.name(), n -> providers.get(m.provider()).chat(m, credentials));
        String providerLabel = providerLabel(m);
        List<Interceptor> chain = new ArrayList<>();
        if (config.budgetPerSiteUsd() != null) chain.add(new BudgetGuard(config.budgetPerSiteUsd(), ctx.meter().ledger()));
        if (config.cache()) chain.add(caches.computeIfAbsent(m.name(), ResponseCache::new));
        Supplier<CatalogEntry> price = priceOf(m, provider);
        // one chat span per call, around metering and retries (only when telemetry is on)
        ChatSpans spans = ctx.telemetry().chatSpans(new ChatSpans.Model(m.name(), m.provider(), providerLabel, m.modelId(), m.baseUrl(),
                m.embedded() != null ? m.embedded().temperature() : null, price));
        if (spans != null) chain.add(spans);
        chain.add(Metering.priced(m.name(), providerLabel, price, ctx.meter()));
        if (m.embedded() == null) chain.add(new ContextGuard(m, windows, () -> price(m))); // in-process models check their own slot
        chain.add(new RetryInterceptor(backoff.apply(m.maxRetries()), (req, attempt, e, wait) -> {
            ctx.meter().record(new ModelCall(req.role(), m.name(), providerLabel, req.purpose(), ctx.meter().nowMs(), 0, TokenUsage.NONE,
                    Metering.billedNothing(e) ? 0.0 : null, req.attempt(), MeteredImages.retryStatus(attempt, e, wait)));
            if (spans != null) Telemetry.retrying(attempt, e.kind().name().toLowerCase(java.util.Locale.ROOT), wait == null ? 0 : wait.toMillis());
        }));
        chain.add(limit(m));
        return new ChatPipeline(chain, provider);
    }

    /**
     * A model's price at the time of each call: a self-hosted model that measures its own throughput
     * is priced from it, unless the config names a catalog entry for it; every other model has its
     * catalog price.
     */
    private Supplier<CatalogEntry> priceOf(ModelSpec m, ModelClient provider) {
        if (m.catalog() == null && provider instanceof MeasuredPrice measured) return measured::catalogEntry;
        CatalogEntry fixed = price(m);
        return () -> fixed;
    }

    /** Releases what the providers hold (in-process models' native memory); the facade calls this on shutdown. */
    @Override
    public void close() {
        providers.close();
    }

    private ConcurrencyLimit limit(ModelSpec m) {
        return limits.computeIfAbsent(m.name(), n -> new ConcurrencyLimit(n, m.concurrency(), m.timeout().plus(m.timeout())));
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
        if (selfHosted(m)) {
            return new CatalogEntry(m.name(), m.provider(), m.modelId(), ai.atelier.model.Tier.SMALL, "chat", null, 0.0, 0.0, null,
                    Map.of(), true, "self-hosted: no price configured, counted as 0", null);
        }
        return null;
    }

    /** An in-process model's price over the throughput measured so far (unknown while its file cannot be read). */
    private CatalogEntry measuredPrice(ModelSpec m) {
        ModelClient client = clients.computeIfAbsent(m.name(), n -> providers.get(m.provider()).chat(m, credentials));
        if (!(client instanceof MeasuredPrice measured)) return null;
        try {
            return measured.catalogEntry();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean selfHosted(ModelSpec m) {
        if ("ollama".equals(m.provider())) return true;
        if (m.baseUrl() == null) return false;
        String host = URI.create(m.baseUrl()).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("192.168.") || host.startsWith("10.") || host.endsWith(".local"));
    }

    private String providerLabel(ModelSpec m) {
        CatalogEntry e = price(m);
        if (e == null || !e.selfHosted()) return m.provider();
        boolean machineCost = m.embedded() != null && m.embedded().machineCostPerHour() != null && m.embedded().machineCostPerHour() > 0;
        return m.provider() + (machineCost ? " (self-hosted, estimated cost)" : " (self-hosted)");
    }

    private boolean bound(String role) {
        return config.modelFor(role).isPresent();
    }
}
