package ai.atelier;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.knowledge.Embedder;
import ai.atelier.knowledge.IndexLocation;
import ai.atelier.knowledge.IngestListener;
import ai.atelier.knowledge.KnowledgeBase;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.BindingCheck;
import ai.atelier.model.TokenCounter;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QualityConfig;
import ai.atelier.quality.QualityReport;
import ai.atelier.site.Engines;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.site.model.ConfiguredEngines;
import ai.atelier.telemetry.Telemetry;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.Promotion;
import ai.atelier.workflow.Orchestrator;
import ai.atelier.workflow.ReviseLoop;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.RunManifest;
import ai.atelier.workflow.SiteFolder;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.StepPricer;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import ai.atelier.workflow.steps.StandardSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door: built once ({@link #builder()}: models, company, quality settings, pricer,
 * pools), it turns {@link SiteJob}s into sites. Every command and the server go through the same
 * {@link #generate(SiteJob)} (one site) or {@link #generateAll} (many, a few at once), so they
 * get the same escalation along the config's ladders, the same quality settings and the same
 * accounting; the CLI and the server hold one of these and contain no domain logic of their own.
 * Step work runs on a bounded pool. Closing it stops the workers and then releases what the
 * engines hold (in-process models' native memory).
 */
public final class Atelier implements AutoCloseable {
    /** Threads for step work when the builder is not told otherwise. */
    public static final int DEFAULT_STEP_THREADS = 16;
    /** The most sites {@link #generateAll} runs at once. */
    public static final int MAX_PARALLEL = 32;

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final WorkflowLoader workflows = new WorkflowLoader(StandardSteps.all());
    private final CompanyLoader companies = new CompanyLoader();
    private final KnowledgeBase knowledge = new KnowledgeBase(Embedder.allMiniLmL6V2());
    private final SiteGeneration generation;
    private final QaAgent qa;
    private final Engines engines;
    private final ai.atelier.reuse.ReusingEngines reusing;
    private final Telemetry telemetry;
    private final Path companyDir;
    private final Path sitesDir;
    private final BindingCheck bindingCheck = BindingCheck.standard();
    private final Map<String, List<BindingCheck.Problem>> checked = new ConcurrentHashMap<>();
    private final Map<Path, Retriever> retrievers = new ConcurrentHashMap<>();
    private volatile Company company;
    private volatile WarmUp warmUp;

    private Atelier(Builder b) {
        this.telemetry = b.telemetry;
        this.qa = b.qa != null ? b.qa : QaAgent.create(b.quality != null ? b.quality : QualityConfig.defaults());
        this.engines = b.engines != null ? b.engines
                : b.config != null ? new ConfiguredEngines(ai.atelier.model.wiring.ConfiguredModels.builder(b.config).build()) : new BuiltinEngines();
        this.companyDir = b.companyDir;
        this.sitesDir = b.sitesDir;
        // bounded: a step that fans out works on its own fan-out while it waits (PersonaContext.fanOut), so a full pool never deadlocks
        ThreadPoolExecutor pool = new ThreadPoolExecutor(b.stepThreads, b.stepThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("atelier-worker"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("atelier-timer"));
        Orchestrator orchestrator = new Orchestrator(workers, timer, new Prompts(), new TokenCounter(), telemetry);
        Promotion promotion = b.promotion != null ? b.promotion : CONFIG_LADDERS;
        this.reusing = ai.atelier.reuse.ReusingEngines.around(engines); // a pass-through until reuse(...) turns it on
        this.generation = new SiteGeneration(orchestrator, new Crew(reusing, qa, StandardSteps.all()), b.pricer,
                new ReviseLoop(orchestrator, qa.config().maxReviseRounds(), qa.config().reviseBuiltin(), reusing.promotion(promotion)), telemetry, b.bindings);
    }

    /** A builder with every default: the built-in engine, the bundled quality settings, no pricer, telemetry off. */
    public static Builder builder() {
        return new Builder();
    }

    /** Promotion along a model config's per-role escalation ladders (the same clients and limits, one rung up; nothing on other engines). */
    private static final Promotion CONFIG_LADDERS = (role, current) ->
            current instanceof ConfiguredEngines c ? c.promoted(role) : Optional.empty();

    /**
     * How an Atelier is made: what each role runs on, the company, the quality settings, the pricer
     * and the pools. Every command and the server build theirs here, so none wires Atelier its own way.
     */
    public static final class Builder {
        private AtelierConfig config;
        private Engines engines;
        private Path companyDir;
        private QualityConfig quality;
        private QaAgent qa;
        private StepPricer pricer = StepPricer.NONE;
        private Promotion promotion;
        private Telemetry telemetry = Telemetry.off();
        private RunManifest.Bindings bindings = RunManifest.Bindings.NONE;
        private Path sitesDir = Path.of("out");
        private int stepThreads = DEFAULT_STEP_THREADS;

        private Builder() {}

        /** Roles bound in {@code config} run on their models (keys from the environment), the rest on the built-in engine; revisions escalate along its ladders. Null: the built-in engine. */
        public Builder config(AtelierConfig config) {
            this.config = config == null || (config.models().isEmpty() && config.roles().isEmpty()) ? null : config;
            return this;
        }

        /** Engines made elsewhere (the latency replay, a test's), instead of a config. */
        public Builder engines(Engines engines) {
            this.engines = engines;
            return this;
        }

        /** The company folder jobs are generated for (its knowledge index is opened once, on first use). */
        public Builder company(Path dir) {
            this.companyDir = dir;
            return this;
        }

        /** QA weights, severities, browser and revise rounds (default: the bundled quality/weights.yaml and the environment). */
        public Builder quality(QualityConfig quality) {
            this.quality = quality;
            return this;
        }

        /** A QA agent made elsewhere (its config gives the revise rounds); the Atelier owns it and closes it. */
        public Builder qa(QaAgent qa) {
            this.qa = qa;
            return this;
        }

        /** Estimates of what each step would cost on the models a config binds to its role (the economics room's estimator); none by default. */
        public Builder pricer(StepPricer pricer) {
            this.pricer = pricer == null ? StepPricer.NONE : pricer;
            return this;
        }

        /** Where the revise loop finds a larger model for a role whose revisions are spent (default: the config's ladders). */
        public Builder promotion(Promotion promotion) {
            this.promotion = promotion;
            return this;
        }

        /** Traces and metrics of every site, step and model call (docs/observability.md); the Atelier owns it and closes it. */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = telemetry == null ? Telemetry.off() : telemetry;
            return this;
        }

        /** The config file the engines came from, recorded in every run.json so a resume can use (or refuse) it. */
        public Builder bindings(RunManifest.Bindings bindings) {
            this.bindings = bindings == null ? RunManifest.Bindings.NONE : bindings;
            return this;
        }

        /** Where a job that names no folder gets one ({@code <dir>/<site id>}); default out/. */
        public Builder sitesDir(Path dir) {
            this.sitesDir = dir;
            return this;
        }

        /** Threads for step work, shared by every site this Atelier runs (default {@value Atelier#DEFAULT_STEP_THREADS}). */
        public Builder stepThreads(int n) {
            if (n < 1) throw new AtelierException("step threads must be at least 1, got " + n, "stepThreads", null);
            this.stepThreads = n;
            return this;
        }

        public Atelier build() {
            return new Atelier(this);
        }
    }

    /** This Atelier's telemetry (off unless it was handed one). */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** What each role runs on. */
    public Engines engines() {
        return engines;
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

    /** The builder's company, loaded once (a one-line error when the folder is not a company folder or none was given). */
    public Company company() {
        Company c = company;
        if (c != null) return c;
        synchronized (this) {
            if (company == null) {
                if (companyDir == null) throw new AtelierException("no company folder: give one (--company DIR)", "company", null);
                company = companies.load(companyDir);
            }
            return company;
        }
    }

    /** Any company folder, loaded (what the knowledge commands and a resume of another company's run use). */
    public Company loadCompany(Path dir) {
        return companies.load(dir);
    }

    /** QA of page files sent inline (name → bytes), for {@code profile}, with this instance's checks; see {@link ai.atelier.quality.SiteCheck#inline}. */
    public QualityReport checkPage(Map<String, byte[]> files, Profile profile) {
        return ai.atelier.quality.SiteCheck.inline(files, profile, company(), qa);
    }

    public WorkflowDefinition loadWorkflow(String nameOrFile) {
        return workflows.load(nameOrFile);
    }

    /**
     * The builder's company's knowledge index, built or refreshed first if needed (telling
     * {@code listener}), opened once and shared by every site of this Atelier.
     */
    public Retriever retriever(IngestListener listener) {
        return retrieverFor(company(), listener);
    }

    /** A company's hybrid knowledge index at its default location, built or refreshed first if needed; opened once per folder. */
    public Retriever retrieverFor(Company company, IngestListener listener) {
        Path key = company.dir().toAbsolutePath().normalize();
        Retriever r = retrievers.get(key);
        if (r != null) return r;
        synchronized (retrievers) {
            return retrievers.computeIfAbsent(key, k -> knowledge.open(company, IndexLocation.defaultFor(company.dir()), listener));
        }
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

    /** The run.json of a site folder, or a one-line error saying why there is none. */
    public static RunManifest manifest(Path siteDir) {
        if (!Files.isRegularFile(siteDir.resolve(RunManifest.FILE))) {
            throw new AtelierException(siteDir + " has no run.json: it is not an Atelier site folder", "resume", null);
        }
        try {
            return new SiteFolder(siteDir).readJson(RunManifest.FILE, RunManifest.class);
        } catch (RuntimeException e) {
            throw new AtelierException(siteDir + "/run.json is unreadable (" + e.getMessage() + "); start a new run instead", "resume", e);
        }
    }

    /** A readable, unique id: visitor, workflow and time. */
    public static String newSiteId(Profile p, String workflowName) {
        String who = Slug.of(p.id() != null ? p.id() : p.name(), Slug.MAX, "visitor");
        return who + "-" + Slug.of(workflowName, 60, "workflow") + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
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

    /** The folder {@code job} runs in: the one it names, else {@code <sites folder>/<id>}. */
    public Path siteDir(SiteJob job, String siteId) {
        return job.options().siteDir() != null ? Path.of(job.options().siteDir()) : sitesDir.resolve(siteId);
    }

    /** {@link #generate(SiteJob, RunListener)} without a listener. */
    public SiteResult generate(SiteJob job) {
        return generate(job, RunListener.NONE);
    }

    /**
     * Makes the site {@code job} asks for, on the builder's company: a new run, or with
     * {@link SiteJob.Options#resume()} the continuation of the run its folder holds. Bad input (an
     * unknown workflow, a binding problem, a folder holding another run) is refused with an
     * {@link AtelierException} before anything is written; a run that starts always ends in a
     * result (done, failed or gate-failed) with its report.json written.
     */
    public SiteResult generate(SiteJob job, RunListener listener) {
        WorkflowDefinition wf = loadWorkflow(job.workflow());
        String id = job.siteId() != null ? job.siteId() : newSiteId(job.profile(), wf.name());
        Path dir = siteDir(job, id);
        boolean earlier = Files.isRegularFile(dir.resolve(RunManifest.FILE));
        if (earlier && !job.options().resume()) {
            throw new AtelierException(dir + " holds an earlier run; resume it (atelier generate --resume " + dir + ") or choose a new folder", "out", null);
        }
        return run(job.profile(), company(), wf, dir, id, earlier, listener);
    }

    /**
     * Runs every job, {@code parallelism} sites at once (1..{@value #MAX_PARALLEL}), on the builder's
     * company, and returns their results in job order. Jobs are taken from {@code jobs} as slots free
     * up, so a long iterable is not held in memory. A job that is refused or crashes becomes a failed
     * result: one bad site never sinks the others. {@code listener} hears each site's steps and result.
     */
    public List<SiteResult> generateAll(Iterable<SiteJob> jobs, int parallelism, SiteListener listener) {
        if (parallelism < 1 || parallelism > MAX_PARALLEL) {
            throw new AtelierException("parallelism must be 1.." + MAX_PARALLEL + ", got " + parallelism, "parallel", null);
        }
        ExecutorService sites = Executors.newFixedThreadPool(parallelism, daemon("atelier-site"));
        Semaphore slots = new Semaphore(parallelism);
        List<Future<SiteResult>> results = new ArrayList<>();
        try {
            Iterator<SiteJob> it = jobs.iterator();
            while (it.hasNext()) {
                SiteJob job = it.next();
                slots.acquire(); // take the next job only when a site is free: a long iterable is read as it runs
                try {
                    results.add(sites.submit(() -> {
                        try {
                            SiteResult r = generateOrFail(job, listener);
                            listener.siteFinished(job, r);
                            return r;
                        } finally {
                            slots.release();
                        }
                    }));
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
            }
            List<SiteResult> out = new ArrayList<>();
            for (Future<SiteResult> f : results) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtelierException("the run of many sites was interrupted", "interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AtelierException("a site's listener failed: " + e.getCause().getMessage(), "listener", e.getCause());
        } finally {
            sites.shutdownNow();
        }
    }

    private SiteResult generateOrFail(SiteJob job, SiteListener listener) {
        long start = System.nanoTime();
        String id = job.siteId();
        Path dir = null;
        try {
            if (id == null) id = newSiteId(job.profile(), loadWorkflow(job.workflow()).name());
            dir = siteDir(job, id);
            return generate(job.withId(id), listener.steps(job));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return SiteResult.failed(id, dir, (System.nanoTime() - start) / 1_000_000, why);
        }
    }

    /**
     * Resumes the generation in {@code siteDir} from its run.json: finished steps are kept, failed
     * and skipped ones run again. The company folder and workflow are the ones the run started with;
     * the models are this Atelier's (its bindings are recorded in run.json when they differ).
     */
    public SiteResult resume(Path siteDir, RunListener listener) {
        RunManifest m = manifest(siteDir);
        Profile profile = new ProfileReader().parse(m.profileJson());
        requireBindings(m.workflow());
        if (!m.bindings().sameConfig(generation.bindings())) {
            // resumed on other bindings (--rebind): run.json says so from now on; the report keeps each step's own model
            new SiteFolder(siteDir).writeJson(RunManifest.FILE, new RunManifest(m.siteId(), m.profileJson(), m.companyDir(), m.workflow(),
                    m.startedAt(), generation.bindings()));
        }
        Company c = companyDir != null && Path.of(m.companyDir()).toAbsolutePath().normalize().equals(companyDir.toAbsolutePath().normalize())
                ? company() : loadCompany(Path.of(m.companyDir()));
        return run(profile, c, m.workflow(), siteDir, m.siteId(), true, listener);
    }

    /** The one sequence every way in ends in: bindings checked, the company's index opened, then a new run or a resumed one. */
    private SiteResult run(Profile profile, Company c, WorkflowDefinition wf, Path dir, String siteId, boolean resume, RunListener listener) {
        requireBindings(wf);
        Retriever retriever = reusing.retriever(retrieverFor(c, IngestListener.SILENT), c);
        var req = new SiteGeneration.Request(siteId, profile, c, retriever, wf, dir);
        SiteGeneration.Result r = resume ? generation.resume(req, listener) : generation.run(req, listener);
        return SiteResult.of(r.dir(), r.report());
    }

    private void requireBindings(WorkflowDefinition wf) {
        var problems = bindingProblems(wf);
        if (!problems.isEmpty()) {
            throw new AtelierException(String.join("; ", problems.stream().map(BindingCheck.Problem::message).toList()), "config", null);
        }
    }

    /**
     * What is wrong with the models the roles of {@code wf} are bound to (missing credentials, a chat
     * model where images are drawn, a server that does not answer), one line each with its fix; empty
     * on the built-in engine or the latency replay. Checked once per set of roles: every run checks
     * before anything is written, and a caller that asks first (to print each line) pays no second probe.
     */
    public List<BindingCheck.Problem> bindingProblems(WorkflowDefinition wf) {
        if (!(engines instanceof ConfiguredEngines c)) return List.of();
        Set<String> roles = new TreeSet<>();
        Set<String> imageRoles = new TreeSet<>();
        for (var step : wf.steps()) {
            roles.add(step.role());
            if (step.persona().equals(BindingCheck.IMAGE_PERSONA)) imageRoles.add(step.role());
        }
        List<BindingCheck.Problem> all = checked.get("*");
        if (all != null && all.isEmpty()) return List.of();
        return checked.computeIfAbsent(roles + " images " + imageRoles,
                k -> List.copyOf(bindingCheck.check(c.config(), new HashSet<>(roles), new HashSet<>(imageRoles))));
    }

    /** As {@link #bindingProblems(WorkflowDefinition)}, for every bound role (a server runs any workflow). */
    public List<BindingCheck.Problem> bindingProblems() {
        if (!(engines instanceof ConfiguredEngines c)) return List.of();
        return checked.computeIfAbsent("*", k -> List.copyOf(bindingCheck.check(c.config())));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            // Give cancelled steps a moment to stop, so nothing writes into a folder after close.
            workers.awaitTermination(5, TimeUnit.SECONDS);
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
