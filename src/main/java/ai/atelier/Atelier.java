package ai.atelier;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.knowledge.Embedder;
import ai.atelier.knowledge.IndexLocation;
import ai.atelier.knowledge.IngestListener;
import ai.atelier.knowledge.KnowledgeBase;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.TokenCounter;
import ai.atelier.quality.QaAgent;
import ai.atelier.site.Engines;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompts;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.Orchestrator;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door: wires engines, crew, orchestrator and loaders once, then generates sites. The CLI
 * and the server hold one of these and contain no domain logic of their own.
 */
public final class Atelier implements AutoCloseable {
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final WorkflowLoader workflows = new WorkflowLoader(Crew.PERSONAS);
    private final CompanyLoader companies = new CompanyLoader();
    private final KnowledgeBase knowledge = new KnowledgeBase(Embedder.allMiniLmL6V2());
    private final SiteGeneration generation;

    public Atelier(Engines engines, QaAgent qa) {
        this.workers = Executors.newCachedThreadPool(daemon("atelier-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("atelier-timer"));
        Orchestrator orchestrator = new Orchestrator(workers, timer, new Prompts(), new TokenCounter());
        this.generation = new SiteGeneration(orchestrator, new Crew(engines, qa));
    }

    /** Every role on the built-in engine, standard QA. */
    public static Atelier builtin() {
        return new Atelier(new BuiltinEngines(), QaAgent.standard());
    }

    public Company loadCompany(Path dir) {
        return companies.load(dir);
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

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
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
