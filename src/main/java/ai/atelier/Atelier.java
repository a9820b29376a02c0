package ai.atelier;

import ai.atelier.economics.CostEstimator;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.knowledge.Embedder;
import ai.atelier.knowledge.IndexLocation;
import ai.atelier.knowledge.IngestListener;
import ai.atelier.knowledge.KnowledgeBase;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Engines;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.site.model.ConfiguredEngines;
import ai.atelier.telemetry.Telemetry;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.Escalation;
import ai.atelier.workflow.ReviseLoop;
import ai.atelier.workflow.Orchestrator;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.StepPricer;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door: wires engines, crew, orchestrator and loaders once, then generates sites. The CLI
 * and the server hold one of these and contain no domain logic of their own. Closing it stops the
 * workers and then releases what the engines hold (in-process models' native memory).
 */
public final class Atelier implements AutoCloseable {
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final WorkflowLoader workflows = new WorkflowLoader(Crew.PERSONAS);
    private final CompanyLoader companies = new CompanyLoader();
    private final KnowledgeBase knowledge = new KnowledgeBase(Embedder.allMiniLmL6V2());
    private final SiteGeneration generation;
    private final QaAgent qa;
    private final Engines engines;
    private final ai.atelier.reuse.ReusingEngines reusing;
    private final Telemetry telemetry;
    private volatile WarmUp warmUp;
    private final ai.atelier.model.BindingCheck bindingCheck = ai.atelier.model.BindingCheck.standard();

    public Atelier(Engines engines, QaAgent qa) {
        this(engines, qa, CostEstimator.reference(), Escalation.NONE);
    }

    /** With a pricer that estimates what each step would cost on the models a config binds to its role. */
    public Atelier(Engines engines, QaAgent qa, StepPricer pricer) {
        this(engines, qa, pricer, Escalation.NONE);
    }

    /**
     * With a pricer (estimates of each step on the models a config binds to its role) and an
     * escalation hook (where the revise loop finds a larger model tier for a role whose revisions are spent).
     */
    public Atelier(Engines engines, QaAgent qa, StepPricer pricer, Escalation escalation) {
        this(engines, qa, pricer, escalation, Telemetry.off());
    }

    /**
     * As above, with telemetry (traces and metrics of every site, step and model call; see
     * docs/observability.md). This Atelier owns it: closing the Atelier flushes and stops it.
     */
    public Atelier(Engines engines, QaAgent qa, StepPricer pricer, Escalation escalation, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.qa = qa;
        this.engines = engines;
        this.workers = Executors.newCachedThreadPool(daemon("atelier-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("atelier-timer"));
        Orchestrator orchestrator = new Orchestrator(workers, timer, new Prompts(), new TokenCounter(), telemetry);
        this.reusing = ai.atelier.reuse.ReusingEngines.around(engines); // a pass-through until reuse(...) turns it on
        this.generation = new SiteGeneration(orchestrator, new Crew(reusing, qa), pricer,
                new ReviseLoop(orchestrator, qa.config().maxReviseRounds(), qa.config().reviseBuiltin(), reusing.escalation(escalation)), telemetry,
                ai.atelier.workflow.RunManifest.Bindings.NONE);
    }

    /** Roles bound in {@code config} run on their models (keys from the environment), the rest on the built-in engine. */
    public static Atelier fromConfig(AtelierConfig config) {
        return fromConfig(config, QaAgent.standard());
    }

    /** As {@link #fromConfig(AtelierConfig)}, with this QA; the revise loop escalates along the config's ladders. */
    public static Atelier fromConfig(AtelierConfig config, QaAgent qa) {
        return fromConfig(config, qa, Telemetry.off());
    }

    /** As {@link #fromConfig(AtelierConfig, QaAgent)}, with telemetry. */
    public static Atelier fromConfig(AtelierConfig config, QaAgent qa, Telemetry telemetry) {
        return new Atelier(new ConfiguredEngines(config, Providers.standard(), Credentials.fromEnvironment()), qa,
                CostEstimator.reference(), CONFIG_LADDERS, telemetry);
    }

    /** Escalation along a model config's per-role ladders. */
    public static final Escalation CONFIG_LADDERS = (role, current) ->
            current instanceof ConfiguredEngines c ? c.escalated(role) : java.util.Optional.empty();

    /** Every role on the built-in engine, standard QA. */
    public static Atelier builtin() {
        return new Atelier(new BuiltinEngines(), QaAgent.standard());
    }

    /** Every role on the built-in engine, QA as {@code quality} says (weights, browser, revise rounds). */
    public static Atelier builtin(QualityConfig quality) {
        return builtin(quality, Telemetry.off());
    }

    /** Every role on the built-in engine, QA as {@code quality} says, with telemetry. */
    public static Atelier builtin(QualityConfig quality, Telemetry telemetry) {
        return new Atelier(new BuiltinEngines(), QaAgent.create(quality), CostEstimator.reference(), Escalation.NONE, telemetry);
    }

    /** This Atelier's telemetry (off unless it was handed one). */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Starts loading, in the background and all at once, what generating a site uses: the tokenizer's
     * vocabulary, the embedding model, the W3C checker's schemas and, when browser checks are on,
     * Chromium (see {@link WarmUp}). For a process about to generate (atelier generate): call once,
     * right after construction; it returns at once. Without it each loads on first use.
     */
    public synchronized void warmUp() {
        if (warmUp == null) warmUp = WarmUp.start(knowledge.embedder(), qa);
    }

    public Company loadCompany(Path dir) {
        return companies.load(dir);
    }

    /** QA of page files sent inline (name → bytes), for {@code profile}, with this instance's checks; see {@link ai.atelier.quality.SiteCheck#inline}. */
    public ai.atelier.quality.QualityReport checkPage(java.util.Map<String, byte[]> files, Profile profile, Company company) {
        return ai.atelier.quality.SiteCheck.inline(files, profile, company, qa);
    }

    public WorkflowDefinition loadWorkflow(String nameOrFile) {
        return workflows.load(nameOrFile);
    }

    public Retriever retrieverFor(Company company) {
        return retrieverFor(company, IngestListener.SILENT);
    }

    /** The company's hybrid knowledge index at its default location, built or refreshed first if needed. */
    public Retriever retrieverFor(Company company, IngestListener listener) {
        return knowledge.open(company, IndexLocation.defaultFor(company.dir()), listener);
    }

    /**
     * Models and validators loaded on first use inside the steps, or in the background after
     * {@link #warmUp()}, and what loading each took so far (ms): the embedding model (first retrieval),
     * the W3C checker's schemas and Chromium (first QA), and the tokenizer's vocabulary when warmed up.
     */
    public Map<String, Long> lazyLoadMillis() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (warmUp != null) warmUp.millis().forEach((what, ms) -> { if (!what.equals("embedding-model")) m.put(what, ms); });
        m.put("embedding-model", knowledge.embedder().loadMillis());
        m.putAll(qa.startUpMillis());
        return m;
    }

    /** Builds, refreshes and opens knowledge indexes (what {@code atelier kb} drives). */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** Records {@code b} (the config file these engines came from) in every run's run.json; returns this. */
    public Atelier bound(ai.atelier.workflow.RunManifest.Bindings b) {
        generation.bind(b);
        return this;
    }

    /** The run.json of a site folder, or a one-line error saying why there is none. */
    public static ai.atelier.workflow.RunManifest manifest(Path siteDir) {
        if (!java.nio.file.Files.isRegularFile(siteDir.resolve(ai.atelier.workflow.RunManifest.FILE))) {
            throw new AtelierException(siteDir + " has no run.json: it is not an Atelier site folder", "resume", null);
        }
        try {
            return new ai.atelier.workflow.SiteFolder(siteDir).readJson(ai.atelier.workflow.RunManifest.FILE, ai.atelier.workflow.RunManifest.class);
        } catch (RuntimeException e) {
            throw new AtelierException(siteDir + "/run.json is unreadable (" + e.getMessage() + "); start a new run instead", "resume", e);
        }
    }

    /** A readable, unique id: visitor, workflow and time. */
    public static String newSiteId(Profile p, WorkflowDefinition wf) {
        String who = (p.id() != null ? p.id() : p.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (who.length() > 40) who = who.substring(0, 40);
        if (who.isEmpty()) who = "visitor";
        String wfName = wf.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return who + "-" + wfName + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    }

    public SiteGeneration.Result generate(Profile profile, Company company, Retriever retriever, WorkflowDefinition wf,
                                          Path outDir, String siteId, RunListener listener) {
        return generation.run(new SiteGeneration.Request(siteId, profile, company, reusing.retriever(retriever, company), wf, outDir), listener);
    }

    /**
     * Reuses the outputs that do not depend on who the visitor is (the artist's pictures, retrieval
     * results) across every site this Atelier generates from now on, through {@code store} (null
     * turns reuse off); keys carry the company's version and the model bindings, see docs/reuse.md.
     * Returns this.
     */
    public Atelier reuse(ai.atelier.reuse.ReuseStore store) {
        reusing.use(store, () -> generation.bindings().configSha256());
        return this;
    }

    /** The reuse store in use, with its hit and miss counts per step; empty when reuse is off. */
    public java.util.Optional<ai.atelier.reuse.ReuseStore> reuseStore() {
        return reusing.store();
    }

    /**
     * Resumes the generation in {@code siteDir} with inputs the caller already holds (the server
     * keeps each run's profile and workflow in its database): finished steps are kept, the rest run.
     */
    public SiteGeneration.Result resume(Profile profile, Company company, Retriever retriever, WorkflowDefinition wf,
                                        Path siteDir, String siteId, RunListener listener) {
        return generation.resume(new SiteGeneration.Request(siteId, profile, company, reusing.retriever(retriever, company), wf, siteDir), listener);
    }

    /**
     * What is wrong with the models the roles of {@code wf} are bound to (missing credentials, a chat
     * model where images are drawn, a server that does not answer), one line each with its fix; empty
     * on the built-in engine or the latency replay. Callers check this before anything is written.
     */
    public java.util.List<ai.atelier.model.BindingCheck.Problem> bindingProblems(WorkflowDefinition wf) {
        if (!(engines instanceof ConfiguredEngines c)) return java.util.List.of();
        java.util.Set<String> roles = new java.util.HashSet<>();
        java.util.Set<String> imageRoles = new java.util.HashSet<>();
        for (var step : wf.steps()) {
            roles.add(step.role());
            if (step.persona().equals(ai.atelier.model.BindingCheck.IMAGE_PERSONA)) imageRoles.add(step.role());
        }
        return bindingCheck.check(c.config(), roles, imageRoles);
    }

    /** As {@link #bindingProblems(WorkflowDefinition)}, for every bound role (a server runs any workflow). */
    public java.util.List<ai.atelier.model.BindingCheck.Problem> bindingProblems() {
        return engines instanceof ConfiguredEngines c ? bindingCheck.check(c.config()) : java.util.List.of();
    }

    /**
     * Resumes the generation in {@code siteDir} from its run.json: finished steps are kept, failed
     * and skipped ones run again. The company folder and workflow are the ones the run started with.
     */
    public SiteGeneration.Result resume(Path siteDir, RunListener listener) {
        ai.atelier.workflow.RunManifest m = manifest(siteDir);
        if (!m.bindings().sameConfig(generation.bindings())) {
            // resumed on other bindings (--rebind): run.json says so from now on; the report keeps each step's own model
            new ai.atelier.workflow.SiteFolder(siteDir).writeJson(ai.atelier.workflow.RunManifest.FILE, new ai.atelier.workflow.RunManifest(m.siteId(),
                    m.profileJson(), m.companyDir(), m.workflow(), m.startedAt(), generation.bindings()));
        }
        Profile profile = new ai.atelier.site.ProfileReader().parse(m.profileJson());
        var problems = bindingProblems(m.workflow());
        if (!problems.isEmpty()) {
            throw new AtelierException(String.join("; ", problems.stream().map(ai.atelier.model.BindingCheck.Problem::message).toList()), "config", null);
        }
        Company company = loadCompany(Path.of(m.companyDir()));
        return generation.resume(new SiteGeneration.Request(m.siteId(), profile, company, retrieverFor(company), m.workflow(), siteDir), listener);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            // Give cancelled steps a moment to stop, so nothing writes into a folder after close.
            workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        qa.close();
        telemetry.close(); // after the workers: the last spans are ended
        // after the workers: in-process models free their native memory once no step uses them
        if (engines instanceof AutoCloseable owned) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new AtelierException("could not release the models: " + e.getMessage(), "shutdown", e);
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
