package ai.atelier.economics;

import ai.atelier.AtelierException;
import ai.atelier.knowledge.Company;
import ai.atelier.model.CallMeter;
import ai.atelier.model.ModelCall;
import ai.atelier.model.TokenUsage;
import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.Image;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.VisualElement;
import ai.atelier.site.builtin.BuiltinEngines;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A SIMULATION: every role answers with the built-in engine's content, but each call then takes
 * as long as the replay profile says a real model took (times the scale) and reports the
 * profile's token counts where it gives them. It lets comparisons and benchmarks run offline at
 * realistic timings; every report made with it carries its {@link #simulation()} label.
 */
public final class ReplayEngines implements Engines {
    /** The provider name on replayed calls. */
    public static final String PROVIDER = "replay";
    private final Engines builtin;
    private final ReplayProfile profile;
    private final double scale;
    private final Random random;

    /**
     * @param scale multiplies every latency (0.01 replays a 20 s call in 0.2 s); must be in (0, 1000]
     */
    public ReplayEngines(Engines builtin, ReplayProfile profile, double scale) {
        if (!(scale > 0 && scale <= 1000)) throw new AtelierException("--replay-scale must be above 0 and at most 1000, got " + scale, "replay-scale", null);
        this.builtin = builtin;
        this.profile = profile;
        this.scale = scale;
        this.random = new Random(profile.seed());
    }

    /** The built-in engine replayed at the timings of {@code profile} (a bundled name or a YAML file). */
    public static ReplayEngines of(String profile, double scale) {
        return new ReplayEngines(new BuiltinEngines(), ReplayProfile.load(profile), scale);
    }

    @Override
    public Optional<String> simulation() {
        return Optional.of(String.format(Locale.ROOT, "SIMULATION: latency replay of profile \"%s\" (%s) at time scale %s; "
                + "page content from the built-in engine", profile.name(), profile.source(), scale));
    }

    @Override
    public String modelFor(String role) {
        return "replay:" + profile.name();
    }

    @Override
    public Personalizer personalizer(String role) {
        return (p, c, r, ctx) -> builtin(role, ctx, x -> builtin.personalizer(role).personalize(p, c, r, x));
    }

    @Override
    public Artist artist(String role) {
        Artist inner = builtin.artist(role);
        return new Artist() {
            @Override
            public String fileExtension() {
                return inner.fileExtension();
            }

            @Override
            public Image draw(VisualElement element, Company company, PersonaContext ctx) {
                return builtin(role, ctx, x -> inner.draw(element, company, x));
            }
        };
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        return (spec, slots, c, ctx) -> builtin(role, ctx, x -> builtin.developer(role).build(spec, slots, c, x));
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        return (p, c, r, ctx) -> builtin(role, ctx, x -> builtin.siteGenerator(role).generate(p, c, r, x));
    }

    /**
     * Runs the built-in work against a scratch meter, then replays each call it made: waits the
     * profile's latency for the role and records the call with the profile's tokens (or the
     * measured ones), under the replay provider, at no cost.
     */
    @Override
    public <T> T builtin(String role, PersonaContext ctx, Function<PersonaContext, T> work) {
        CallMeter scratch = new CallMeter(System.nanoTime());
        long start = ctx.meter().nowMs();
        T out = work.apply(new PersonaContext(ctx.role(), ctx.model(), scratch, ctx.executor(), ctx.prompts(), ctx.tokens(), ctx.feedback(), ctx.telemetry()));
        ctx.meter().carried(scratch.carriedTokens());
        ReplayProfile.RoleTiming timing = profile.timing(role).orElse(null);
        for (ModelCall call : scratch.calls()) {
            double seconds;
            long in, outTokens;
            synchronized (random) {
                seconds = timing == null ? 0 : timing.seconds().sample(random);
                in = timing == null || timing.inputTokens() == null ? call.usage().inputTokens() : Math.round(timing.inputTokens().sample(random));
                outTokens = timing == null || timing.outputTokens() == null ? call.usage().outputTokens() : Math.round(timing.outputTokens().sample(random));
            }
            long waitMs = Math.round(seconds * 1000 * scale);
            long elapsed = ctx.meter().nowMs() - start;
            try {
                Thread.sleep(Math.max(0, waitMs - elapsed));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
            long end = ctx.meter().nowMs();
            ctx.meter().record(ModelCall.builder(ctx.role(), ctx.model(), PROVIDER).purpose(call.purpose()).timed(start, end - start)
                    .usage(new TokenUsage(in, outTokens, 0, true)).attempt(call.attempt()).status(call.status()).build());
            start = end;
        }
        return out;
    }
}
