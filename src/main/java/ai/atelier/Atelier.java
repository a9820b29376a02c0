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
        this.qa = qa;
        this.engines = engines;
        this.workers = Executors.newCachedThreadPool(daemon("atelier-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("atelier-timer"));
        Orchestrator orchestrator = new Orchestrator(workers, timer, new Prompts(), new TokenCounter());
        this.generation = new SiteGeneration(orchestrator, new Crew(engines, qa), pricer,
                new ReviseLoop(orchestrator, qa.config().maxReviseRounds(), qa.config().reviseBuiltin(), escalation));
    }

    /** Roles bound in {@code config} run on their models (keys from the environment), the rest on the built-in engine. */
    public static Atelier fromConfig(AtelierConfig config) {
        return fromConfig(config, QaAgent.standard());
    }

    /** As {@link #fromConfig(AtelierConfig)}, with this QA; the revise loop escalates along the config's ladders. */
    public static Atelier fromConfig(AtelierConfig config, QaAgent qa) {
        return new Atelier(new ConfiguredEngines(config, Providers.standard(), Credentials.fromEnvironment()), qa,
                CostEstimator.reference(), CONFIG_LADDERS);
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
        return new Atelier(new BuiltinEngines(), QaAgent.create(quality));
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
     * Models and validators loaded on first use inside the steps, and what loading each took so far
     * (ms): the embedding model (first retrieval), the W3C checker's schemas and Chromium (first QA).
     */
    public Map<String, Long> lazyLoadMillis() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("embedding-model", knowledge.embedder().loadMillis());
        m.putAll(qa.startUpMillis());
        return m;
    }

    /** Builds, refreshes and opens knowledge indexes (what {@code atelier kb} drives). */
    public KnowledgeBase knowledge() {
        return knowledge;
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
        return generation.run(new SiteGeneration.Request(siteId, profile, company, retriever, wf, outDir), listener);
    }

    /**
     * Resumes the generation in {@code siteDir} from its run.json: finished steps are kept, failed
     * and skipped ones run again. The company folder and workflow are the ones the run started with.
     */
    public SiteGeneration.Result resume(Path siteDir, RunListener listener) {
        if (!java.nio.file.Files.isRegularFile(siteDir.resolve(ai.atelier.workflow.RunManifest.FILE))) {
            throw new AtelierException(siteDir + " has no run.json: it is not an Atelier site folder", "resume", null);
        }
        ai.atelier.workflow.SiteFolder folder = new ai.atelier.workflow.SiteFolder(siteDir);
        ai.atelier.workflow.RunManifest m;
        try {
            m = folder.readJson(ai.atelier.workflow.RunManifest.FILE, ai.atelier.workflow.RunManifest.class);
        } catch (RuntimeException e) {
            throw new AtelierException(siteDir + "/run.json is unreadable (" + e.getMessage() + "); start a new run instead", "resume", e);
        }
        Profile profile = new ai.atelier.site.ProfileReader().parse(m.profileJson());
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
