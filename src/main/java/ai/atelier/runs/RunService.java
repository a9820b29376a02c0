package ai.atelier.runs;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.SiteJob;
import ai.atelier.model.ModelCatalog;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.StepSpan;
import ai.atelier.workflow.WorkflowDefinition;
import ai.atelier.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Site generation as a service: accepts a run, keeps it in the run database, generates it in the
 * background with a bounded number at once and a bounded queue behind them, and publishes each
 * step as an event. Generated sites live under {@code <data>/sites/<id>/}. On start it marks runs
 * that a previous process left queued or running as interrupted, so no run is silently lost.
 */
public final class RunService implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunService.class);
    /** How many generations run at once, and how many more may wait. */
    public record Limits(int maxConcurrent, int queueCapacity) {
        public Limits {
            if (maxConcurrent < 1) throw new AtelierException("--max-concurrent must be at least 1", "maxConcurrent", null);
            if (queueCapacity < 0) throw new AtelierException("--queue must be 0 or more", "queue", null);
        }
    }

    /** Queue figures for the health endpoint. */
    public record Load(int running, int queued, int maxConcurrent, int queueCapacity) {}

    /** A bundled workflow a client may choose. */
    public record WorkflowChoice(String name, String description, int steps) {}

    private final Atelier atelier;
    private final RunStore store;
    private final Path sitesDir;
    private final Limits limits;
    private final Function<String, String> modelForRole;
    private final ModelCatalog catalog;
    private final ExecutorService generations;
    private final Semaphore admission;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, EventStream> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final List<String> interruptedAtStart;

    /**
     * A service over {@code atelier} (its company, models, quality settings and accounting: the
     * same as every command's), keeping runs in {@code store} and sites under {@code <dataDir>/sites/}.
     */
    public RunService(Atelier atelier, RunStore store, Path dataDir, Limits limits, ModelCatalog catalog) {
        this(atelier, store, dataDir, limits, atelier.engines()::modelFor, catalog);
    }

    /**
     * As above, with the catalog name that prices each role's model ({@code pricedAs}; the config's own
     * {@code catalog:} entries included), for the single-llm estimate beside each run's cost.
     */
    public RunService(Atelier atelier, RunStore store, Path dataDir, Limits limits, Function<String, String> pricedAs, ModelCatalog catalog) {
        this.atelier = atelier;
        atelier.retriever(ai.atelier.knowledge.IngestListener.SILENT); // the company's index, built now rather than on the first run
        this.store = store;
        this.sitesDir = dataDir.toAbsolutePath().normalize().resolve("sites");
        this.limits = limits;
        this.modelForRole = pricedAs;
        this.catalog = catalog;
        this.admission = new Semaphore(limits.maxConcurrent() + limits.queueCapacity());
        AtomicInteger n = new AtomicInteger();
        this.generations = Executors.newFixedThreadPool(limits.maxConcurrent(), r -> {
            Thread t = new Thread(r, "atelier-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.interruptedAtStart = markInterrupted();
        // with telemetry on, serve's load as observable gauges (read at each metric export)
        atelier.telemetry().gauge("atelier.server.queue.length", "{run}", "Generations waiting for a slot.", () -> load().queued());
        atelier.telemetry().gauge("atelier.server.runs.running", "{run}", "Generations running now.", () -> load().running());
    }

    /** The telemetry the runs report to (the Atelier's). */
    public ai.atelier.telemetry.Telemetry telemetry() {
        return atelier.telemetry();
    }

    /**
     * Validates and queues a run. Throws {@link AtelierException} (naming the field) for a bad
     * profile or workflow and {@link QueueFullException} when no place is free.
     */
    public RunRecord submit(byte[] profileJson, String workflowName) {
        Profile profile = new ProfileReader().parse(profileJson);
        WorkflowDefinition wf = workflow(workflowName);
        if (!admission.tryAcquire()) throw new QueueFullException(limits.maxConcurrent() + limits.queueCapacity());
        try {
            String id = Atelier.newSiteId(profile, wf.name()) + "-" + HexFormat.of().formatHex(randomBytes());
            RunRecord record = RunRecord.queued(id, wf.name(), profile, new String(profileJson, java.nio.charset.StandardCharsets.UTF_8),
                    System.currentTimeMillis());
            store.insert(record);
            EventStream events = new EventStream(id, store);
            live.put(id, events);
            events.append(RunEvent.QUEUED, Map.of("workflow", wf.name(), "steps", stepList(wf)));
            Runnable work = () -> generate(record, profile, wf, events);
            // the run continues the trace of the request that queued it (a caller's traceparent, with telemetry on)
            generations.execute(atelier.telemetry().enabled() ? io.opentelemetry.context.Context.current().wrap(work) : work);
            return record;
        } catch (RuntimeException e) {
            admission.release();
            throw e;
        }
    }

    /**
     * Resumes an interrupted or failed run in its own folder: the steps it finished are kept (from
     * the folder's step journal), the rest run. Throws {@link AtelierException} (field "status")
     * when the run is not interrupted or failed, and {@link QueueFullException} when no place is free.
     */
    public RunRecord resume(String id) {
        RunRecord r = store.find(id).orElseThrow(() -> new AtelierException("no run with id " + id, "id", null));
        if (r.status() != RunStatus.INTERRUPTED && r.status() != RunStatus.FAILED) {
            throw new AtelierException("run " + id + " is " + r.status().label() + "; only interrupted or failed runs can be resumed", "status", null);
        }
        Profile profile = new ProfileReader().parse(r.profileJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WorkflowDefinition wf = workflow(r.workflow());
        if (!admission.tryAcquire()) throw new QueueFullException(limits.maxConcurrent() + limits.queueCapacity());
        try {
            if (!store.requeue(id)) {
                throw new AtelierException("run " + id + " is being resumed already", "status", null);
            }
            EventStream events = new EventStream(id, store, store.events(id));
            events.append(RunEvent.QUEUED, Map.of("workflow", wf.name(), "steps", stepList(wf), "resumed", true));
            live.put(id, events);
            RunRecord queued = store.find(id).orElseThrow();
            generations.execute(() -> generate(queued, profile, wf, events));
            return queued;
        } catch (RuntimeException e) {
            admission.release();
            throw e;
        }
    }

    /** Every run marked interrupted (by this start or an earlier one), oldest first: what --resume-interrupted resumes. */
    public List<String> interrupted() {
        return store.withStatus(RunStatus.INTERRUPTED, RunStatus.INTERRUPTED);
    }

    /** QA of a page sent inline (file name → bytes) for the visitor in {@code profileJson}, against this service's company. */
    public ai.atelier.quality.QualityReport check(byte[] profileJson, Map<String, byte[]> files) {
        return atelier.checkPage(files, new ProfileReader().parse(profileJson));
    }

    public Optional<RunRecord> find(String id) {
        return store.find(id);
    }

    public RunPage page(int page, int size) {
        return store.page(page, size);
    }

    /** Replays a run's events after {@code afterSeq} and, while it runs, delivers the rest; empty for an unknown run. */
    public Optional<Subscription> subscribe(String id, int afterSeq, Consumer<RunEvent> listener) {
        EventStream stream = live.get(id);
        if (stream != null) return Optional.of(stream.subscribe(afterSeq, listener));
        if (store.find(id).isEmpty()) return Optional.empty();
        stream = live.get(id);
        if (stream != null) return Optional.of(stream.subscribe(afterSeq, listener));
        for (RunEvent e : store.events(id)) if (e.seq() > afterSeq) listener.accept(e);
        return Optional.of(() -> {});
    }

    /** The folder of a run's site (it may not exist yet, or be partial after a failure or interruption). */
    public Path siteDir(String id) {
        return sitesDir.resolve(id);
    }

    public Path sitesDir() {
        return sitesDir;
    }

    public List<String> interruptedAtStart() {
        return interruptedAtStart;
    }

    public Load load() {
        int r = running.get();
        int taken = limits.maxConcurrent() + limits.queueCapacity() - admission.availablePermits();
        return new Load(r, Math.max(0, taken - r), limits.maxConcurrent(), limits.queueCapacity());
    }

    public RunStore store() {
        return store;
    }

    public List<WorkflowChoice> workflows() {
        List<WorkflowChoice> out = new ArrayList<>();
        for (String name : WorkflowLoader.BUNDLED) {
            WorkflowDefinition wf = atelier.loadWorkflow(name);
            out.add(new WorkflowChoice(wf.name(), wf.description().strip(), wf.steps().size()));
        }
        return out;
    }

    @Override
    public void close() {
        generations.shutdownNow();
        try {
            generations.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WorkflowDefinition workflow(String name) {
        String n = name == null || name.isBlank() ? "personas" : name.strip();
        if (!WorkflowLoader.BUNDLED.contains(n)) {
            throw new AtelierException("unknown workflow \"" + cut(n) + "\"; choose one of " + String.join(", ", WorkflowLoader.BUNDLED), "workflow", null);
        }
        return atelier.loadWorkflow(n);
    }

    private void generate(RunRecord record, Profile profile, WorkflowDefinition wf, EventStream events) {
        running.incrementAndGet();
        try {
            long started = System.currentTimeMillis();
            store.markStarted(record.id(), started);
            events.append(RunEvent.STARTED, Map.of("startedAt", started));
            // a folder with run.json was started before (and cut off or failed): the job keeps what it finished
            SiteJob job = new SiteJob(profile, wf.name(), new SiteJob.Options(siteDir(record.id()).toString(), true), record.id());
            finish(record, atelier.generate(job, listener(wf, events)).report(), events);
        } catch (RuntimeException | Error e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (e instanceof Error) LOG.error("run {} failed: {}", record.id(), why, e); // a bug, not bad input: keep the stack
            else LOG.warn("run {} failed: {}", record.id(), why);
            try {
                store.markFinished(record.id(), RunStatus.FAILED, System.currentTimeMillis(), null, null, null, null, why, null, null);
                events.append(RunEvent.FAILED, Map.of("error", why));
            } catch (RuntimeException ignored) {
                // the store is closing (shutdown): the next start marks this run interrupted
            }
        } finally {
            live.remove(record.id());
            running.decrementAndGet();
            admission.release();
        }
    }

    private void finish(RunRecord record, SiteReport report, EventStream events) {
        RunCosts costs = RunCosts.of(report, modelForRole, catalog);
        boolean ok = SiteReport.OK.equals(report.status());
        SiteReport.Totals t = report.totals();
        Integer score = report.quality() == null ? null : report.quality().score();
        store.markFinished(record.id(), ok ? RunStatus.DONE : RunStatus.FAILED, System.currentTimeMillis(), t.costUsd(),
                t.inputTokens(), t.outputTokens(), score, report.error(), RunStore.json(report), RunStore.json(costs));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", ok ? RunStatus.DONE.label() : RunStatus.FAILED.label());
        data.put("costUsd", t.costUsd());
        data.put("inputTokens", t.inputTokens());
        data.put("outputTokens", t.outputTokens());
        data.put("wallMs", t.wallMs());
        data.put("criticalPathMs", t.criticalPathMs());
        data.put("qualityScore", score);
        if (!ok) {
            data.put("error", report.error());
            data.put("failedStep", report.failedStep());
        }
        events.append(ok ? RunEvent.DONE : RunEvent.FAILED, data);
    }

    private RunListener listener(WorkflowDefinition wf, EventStream events) {
        return new RunListener() {
            @Override
            public void stepStarted(String stepId, String role, String model, long startMs) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("step", stepId);
                d.put("role", role);
                d.put("persona", wf.step(stepId).persona());
                d.put("model", model);
                d.put("startMs", startMs);
                events.append(RunEvent.STEP_STARTED, d);
            }

            @Override
            public void stepFinished(StepSpan s) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("step", s.id());
                d.put("role", s.role());
                d.put("persona", s.persona());
                d.put("model", s.model());
                d.put("status", s.status());
                d.put("startMs", s.startMs());
                d.put("durationMs", s.durationMs());
                d.put("inputTokens", s.inputTokens());
                d.put("outputTokens", s.outputTokens());
                d.put("tokensEstimated", s.tokensEstimated());
                d.put("costUsd", s.costUsd());
                d.put("attempts", s.attempts());
                d.put("calls", s.calls().size());
                if (s.error() != null) d.put("error", s.error());
                events.append(RunEvent.STEP_FINISHED, d);
            }
        };
    }

    private List<String> markInterrupted() {
        List<String> ids = store.unfinished();
        for (String id : ids) {
            List<RunEvent> past = store.events(id);
            store.markFinished(id, RunStatus.INTERRUPTED, System.currentTimeMillis(), null, null, null, null,
                    "interrupted: the server stopped before this run finished; resume it with POST /api/sites/" + id + "/resume", null, null);
            store.appendEvent(id, new RunEvent(past.size() + 1, RunEvent.INTERRUPTED,
                    Map.of("error", "the server stopped before this run finished")));
        }
        return List.copyOf(ids);
    }

    private static List<Map<String, Object>> stepList(WorkflowDefinition wf) {
        List<Map<String, Object>> out = new ArrayList<>();
        wf.steps().forEach(s -> out.add(Map.of("step", s.id(), "persona", s.persona(), "role", s.role(), "after", s.after())));
        return out;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[3];
        random.nextBytes(b);
        return b;
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
