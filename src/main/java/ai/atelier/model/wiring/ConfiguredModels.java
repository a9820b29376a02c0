package ai.atelier.model.wiring;

import ai.atelier.AtelierException;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.CatalogEntry;
import ai.atelier.model.ChatPipeline;
import ai.atelier.model.ChatRequest;
import ai.atelier.model.Escalation;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.pricing.ModelPricing;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The models of one configuration, built in one place in the manner of OkHttp's client builder:
 * {@code ConfiguredModels.builder(config).build()} makes one object that owns each model's provider
 * client, concurrency limit, response cache and pricing, and assembles the chain in front of it
 * (budget → cache → metering → retry → limit → provider) for each step's meter. A role asks for
 * its model (or its escalation ladder: its own model, then the larger ones the config lists) by
 * role and nothing else. {@link #promoted} gives the same models with one role bound one rung up
 * its ladder — a view over the same clients and limits, never new ones, so a model's
 * {@code concurrency:} holds across every path that reaches it.
 */
public final class ConfiguredModels implements AutoCloseable {
    private final AtelierConfig config;
    private final OwnedClients owned;
    private final ModelPricing pricing;
    private final ChainAssembly chains;

    private ConfiguredModels(AtelierConfig config, OwnedClients owned, ModelPricing pricing, ChainAssembly chains) {
        this.config = config;
        this.owned = owned;
        this.pricing = pricing;
        this.chains = chains;
    }

    /** A builder for the models {@code config} names (the shipped providers, keys from the environment, standard backoff unless told). */
    public static Builder builder(AtelierConfig config) {
        return new Builder(config);
    }

    /** How the models of a configuration are reached; every setting has the production default. */
    public static final class Builder {
        private final AtelierConfig config;
        private Providers providers;
        private Credentials credentials;
        private Function<Integer, Backoff> backoff = Backoff::standard;

        private Builder(AtelierConfig config) {
            this.config = config;
        }

        /** The providers to reach the models by (default: {@link StandardProviders#standard()}); the built object closes them. */
        public Builder providers(Providers providers) {
            this.providers = providers;
            return this;
        }

        /** Where API keys are read (default: the environment). */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The retry policy for a model's maxRetries (tests pass one that does not sleep). */
        public Builder backoff(Function<Integer, Backoff> backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Checks every model's provider is known (a one-line error naming the known ones otherwise). */
        public ConfiguredModels build() {
            Providers p = providers != null ? providers : StandardProviders.standard();
            for (ModelSpec m : config.models().values()) p.get(m.provider());
            OwnedClients owned = new OwnedClients(p, credentials != null ? credentials : Credentials.fromEnvironment());
            ModelPricing pricing = new ModelPricing(config.catalogWithOverrides(), owned::chat, owned::selfHosted);
            return new ConfiguredModels(config, owned, pricing, new ChainAssembly(owned, pricing, backoff, config.budgetPerSiteUsd(), config.cache()));
        }
    }

    public AtelierConfig config() {
        return config;
    }

    /** Whether the config binds {@code role} to a model. */
    public boolean bound(String role) {
        return config.modelFor(role).isPresent();
    }

    /** The model bound to {@code role}, if any. */
    public Optional<ModelSpec> modelFor(String role) {
        return config.modelFor(role);
    }

    /**
     * The role's escalation ladder for one step: its own model first, then the larger ones of its
     * {@code escalation:} list, each behind the full chain and metered into {@code meter}.
     */
    public List<ModelClient> ladder(String role, CallMeter meter, Telemetry telemetry) {
        ModelSpec own = config.modelFor(role)
                .orElseThrow(() -> new AtelierException("role " + role + " is not bound to a model in the config"));
        List<ModelClient> out = new ArrayList<>();
        out.add(chains.chat(own, meter, telemetry));
        for (ModelSpec higher : config.ladderFor(role)) out.add(chains.chat(higher, meter, telemetry));
        return out;
    }

    /** The role's model for free-text calls: a call that fails for good escalates up the ladder ({@link Escalation}). */
    public ModelClient chat(String role, CallMeter meter, Telemetry telemetry) {
        List<ModelClient> ladder = ladder(role, meter, telemetry);
        if (ladder.size() == 1) return ladder.get(0);
        return new ChatPipeline(List.of(new Escalation(ladder.subList(1, ladder.size()))), ladder.get(0));
    }

    /** The role's image model, metered into {@code meter}, behind the budget, retry and the model's concurrency limit. */
    public ImageClient images(String role, CallMeter meter, Telemetry telemetry) {
        ModelSpec m = config.modelFor(role).orElseThrow(() -> new AtelierException("role " + role + " is not bound to an image model"));
        return chains.images(m, meter, telemetry);
    }

    /** The output token cap of the role's model. */
    public int maxOutputTokens(String role) {
        return config.modelFor(role).map(ModelSpec::maxOutputTokens).orElse(ModelSpec.DEFAULT_MAX_OUTPUT_TOKENS);
    }

    /** The context window of the role's model, when known (config, llama.cpp's /props, catalog); in-process models check their own slot. */
    public OptionalInt contextWindow(String role) {
        return config.modelFor(role).filter(m -> m.embedded() == null)
                .flatMap(m -> owned.windows().window(m, pricing.price(m))).map(w -> OptionalInt.of(w.tokens())).orElse(OptionalInt.empty());
    }

    /** A prompt's size in tokens on the role's model (its server's tokenizer where it has one, else an estimate). */
    public long promptTokens(String role, String system, String user) {
        Optional<ModelSpec> m = config.modelFor(role);
        if (m.isPresent()) return owned.windows().count(m.get(), new ChatRequest(role, "count", system, user, null, 0, null)).tokens();
        TokenCounter t = new TokenCounter();
        return (long) t.count(system) + t.count(user);
    }

    /**
     * These models with {@code role} promoted one rung up its escalation ladder (bound to the next
     * larger model, the rest of the ladder kept), or empty when the role has nowhere to go. The
     * view shares this object's clients, limits, caches and pricing.
     */
    public Optional<ConfiguredModels> promoted(String role) {
        List<String> ladder = config.escalation().getOrDefault(role, List.of());
        if (!bound(role) || ladder.isEmpty()) return Optional.empty();
        Map<String, String> roles = new HashMap<>(config.roles());
        roles.put(role, ladder.get(0));
        Map<String, List<String>> escalation = new HashMap<>(config.escalation());
        escalation.put(role, ladder.subList(1, ladder.size()));
        AtelierConfig next = new AtelierConfig(config.models(), roles, escalation, config.budgetPerSiteUsd(), config.developerMode(),
                config.cache(), config.catalog(), config.source());
        return Optional.of(new ConfiguredModels(next, owned, pricing, chains));
    }

    /** What every configured model costs (catalog, measured or self-hosted). */
    public ModelPricing pricing() {
        return pricing;
    }

    /** The price of one model; see {@link ModelPricing#price}. */
    public CatalogEntry price(ModelSpec m) {
        return pricing.price(m);
    }

    /** Releases what the providers hold (in-process models' native memory); promoted views share it, so close the root once. */
    @Override
    public void close() {
        owned.close();
    }
}
