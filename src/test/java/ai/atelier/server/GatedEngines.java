package ai.atelier.server;

import ai.atelier.model.ModelClient;
import ai.atelier.site.Artist;
import ai.atelier.site.Engines;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.builtin.BuiltinEngines;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real built-in engine, except that the personalizer (and the single-llm generator) wait at a
 * gate until the test opens it. That makes "a run is still going" a state a test can hold on
 * purpose (a full queue, a restart mid-run, a live timeline) instead of a race against a fast
 * engine. Everything after the gate is the unmodified built-in engine.
 */
final class GatedEngines implements Engines {
    private final BuiltinEngines builtin = new BuiltinEngines();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final boolean atDeveloper;
    /** How many developer calls fail (before any succeeds), for a run that ends without a page. */
    private final java.util.concurrent.atomic.AtomicInteger developerFailures = new java.util.concurrent.atomic.AtomicInteger();

    GatedEngines() {
        this(false);
    }

    private GatedEngines(boolean atDeveloper) {
        this.atDeveloper = atDeveloper;
    }

    /** No gate; the first {@code n} front-end developer calls fail, so those runs end without a page. */
    static GatedEngines developerFailsFirst(int n) {
        GatedEngines e = new GatedEngines(true);
        e.gate.countDown();
        e.developerFailures.set(n);
        return e;
    }

    /** The gate at the front-end developer instead: the personalizer and artist finish, the page waits. */
    static GatedEngines atDeveloper() {
        return new GatedEngines(true);
    }

    void open() {
        gate.countDown();
    }

    /** Waits until some run is held at the gate. */
    boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    private void hold() {
        arrived.countDown();
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("test gate never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the test gate", e);
        }
    }

    @Override
    public String modelFor(String role) {
        return builtin.modelFor(role);
    }

    @Override
    public Personalizer personalizer(String role) {
        Personalizer p = builtin.personalizer(role);
        return (profile, company, retriever, ctx) -> {
            if (!atDeveloper) hold();
            return p.personalize(profile, company, retriever, ctx);
        };
    }

    @Override
    public Artist artist(String role) {
        return builtin.artist(role);
    }

    @Override
    public FrontEndDeveloper developer(String role) {
        FrontEndDeveloper d = builtin.developer(role);
        if (!atDeveloper) return d;
        return (spec, slots, company, ctx) -> {
            hold();
            if (developerFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the test developer fails this run");
            }
            return d.build(spec, slots, company, ctx);
        };
    }

    @Override
    public SiteGenerator siteGenerator(String role) {
        SiteGenerator g = builtin.siteGenerator(role);
        return (profile, company, retriever, ctx) -> {
            hold();
            return g.generate(profile, company, retriever, ctx);
        };
    }

    @Override
    public Optional<ModelClient> chatModel(String role, PersonaContext ctx) {
        return builtin.chatModel(role, ctx);
    }
}
