package ai.atelier.batch;

import ai.atelier.Atelier;
import ai.atelier.SiteJob;
import ai.atelier.knowledge.IngestListener;
import ai.atelier.reuse.ReuseStats;
import ai.atelier.reuse.ReuseStore;
import ai.atelier.AtelierException;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.ModelSpec;
import ai.atelier.quality.QualityConfig;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunManifest;
import ai.atelier.workflow.SiteFolder;
import ai.atelier.workflow.SiteReport;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place the batch touches Atelier's own API (its front door: {@code Atelier.builder()},
 * {@code SiteJob}, {@code generate(SiteJob)}): everything else in this module speaks in profiles as
 * JSON text, site folders and {@link Outcome}s. It also holds the rule "one
 * Atelier per JVM and per settings": every Spark task of an executor asks {@link #shared} and gets the
 * same instance, so a model's concurrency limit and its clients (and the knowledge index, the
 * embedding model and the QA checkers) are shared by all of them.
 */
final class AtelierAdapter implements AutoCloseable {
    /**
     * What an Atelier is built from, all of it data so Spark can ship it to executors. {@code executors} divides
     * each model's {@code concurrency} (see {@link #dividedAmong}); {@code cacheDir} is where a cross-visitor
     * cache shared by every task of the batch lives (pictures and retrievals reused across visitors, docs/reuse.md; null: no reuse).
     */
    record Settings(String companyDir, String workflow, String configFile, boolean browser, int executors, String cacheDir)
            implements Serializable {}

    /** How one site ended: status {@code done}, {@code failed} or {@code gate-failed}, with the totals of its report. */
    record Outcome(String status, Double costUsd, long inputTokens, long outputTokens, Double qualityScore, long wallMs, String error) {
        boolean finished() {
            return !BatchStatus.FAILED.equals(status);
        }
    }

    private static final Map<Settings, AtelierAdapter> SHARED = new ConcurrentHashMap<>();

    private final Settings settings;
    private final Atelier atelier;
    private final WorkflowDefinition workflow;

    private AtelierAdapter(Settings s) {
        this.settings = s;
        Path configFile = s.configFile() == null ? null : Path.of(s.configFile());
        AtelierConfig config = config(configFile);
        QualityConfig quality = QualityConfig.load(null, System.getenv());
        if (!s.browser()) quality = quality.withBrowser(false);
        boolean bound = !(config.models().isEmpty() && config.roles().isEmpty());
        this.atelier = Atelier.builder().config(bound ? dividedAmong(config, s.executors()) : null).company(Path.of(s.companyDir()))
                .quality(quality).bindings(RunManifest.Bindings.of(configFile)).build();
        if (s.cacheDir() != null) atelier.reuse(ReuseStore.open(Path.of(s.cacheDir())));
        this.workflow = atelier.loadWorkflow(s.workflow());
        var problems = atelier.bindingProblems(workflow);
        if (!problems.isEmpty()) {
            atelier.close();
            throw new AtelierException(String.join("; ", problems.stream().map(ai.atelier.model.BindingCheck.Problem::message).toList()), "config", null);
        }
        // built or refreshed once per JVM, before any task generates (the driver does it first, so executors only open it)
        atelier.retriever(IngestListener.SILENT);
    }

    /** The cross-visitor store's hits and misses per step in this JVM, when reuse is on. */
    Optional<ReuseStats> reuseStats() {
        return atelier.reuseStore().map(ReuseStore::stats);
    }

    /** This JVM's Atelier for these settings, built on first use; closed when the JVM ends. */
    static AtelierAdapter shared(Settings s) {
        return SHARED.computeIfAbsent(s, k -> {
            AtelierAdapter a = new AtelierAdapter(k);
            Runtime.getRuntime().addShutdownHook(new Thread(a::closeQuietly, "atelier-batch-close"));
            return a;
        });
    }

    /**
     * Each model's {@code concurrency} divided among {@code executors} (rounded down, at least 1), so all
     * executors together keep to what the config allows; the tasks of one executor share its part.
     */
    static AtelierConfig dividedAmong(AtelierConfig c, int executors) {
        if (executors <= 1) return c;
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        c.models().forEach((name, m) -> models.put(name, new ModelSpec(m.name(), m.provider(), m.modelId(), m.baseUrl(), m.apiKeyEnv(),
                m.region(), m.catalog(), m.timeout(), m.maxRetries(), Math.max(1, m.concurrency() / executors), m.structuredOutput(),
                m.maxOutputTokens(), m.imageSize(), m.imageQuality(), m.embedded(), m.contextWindow(), m.maxResponseBytes())));
        return new AtelierConfig(models, c.roles(), c.escalation(), c.budgetPerSiteUsd(), c.developerMode(), c.cache(), c.catalog(), c.source());
    }

    static AtelierConfig config(Path configFile) {
        return new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).locate(configFile, System::getenv, Path.of("").toAbsolutePath());
    }

    /** The model concurrency each executor gets, per model name (what {@link #dividedAmong} leaves), for the report. */
    static Map<String, int[]> concurrencyShares(Path configFile, int executors) {
        Map<String, int[]> out = new LinkedHashMap<>();
        config(configFile).models().forEach((n, m) -> out.put(n, new int[] {m.concurrency(), Math.max(1, m.concurrency() / Math.max(1, executors))}));
        return out;
    }

    /** How a CSV column is read: as a list ({@code a;b}), a whole number, or text. */
    enum FieldKind { TEXT, LIST, NUMBER }

    /** The kind of a profile field, from the profile record's field of that name (unknown columns are text, kept as extra attributes). */
    static FieldKind profileFieldKind(String column) {
        for (java.lang.reflect.RecordComponent c : Profile.class.getRecordComponents()) {
            if (!c.getName().equals(column)) continue;
            if (List.class.isAssignableFrom(c.getType())) return FieldKind.LIST;
            if (c.getType() == Integer.class || c.getType() == int.class) return FieldKind.NUMBER;
        }
        return FieldKind.TEXT;
    }

    /** The visitor in canonical JSON (the form the key hashes), or an exception whose message says what is wrong. */
    static String canonicalProfile(String json) {
        Profile p = new ProfileReader().parse(json);
        return ProfileReader.toJson(p);
    }

    /** The profile's own id, else its name (what names the site folder). */
    static String visitorId(String json) {
        Profile p = new ProfileReader().parse(json);
        return p.id() != null && !p.id().isBlank() ? p.id() : p.name();
    }

    /** The workflow as loaded (every step, role, persona and setting), as text for the key. */
    String workflowFingerprint() {
        return workflow.toString();
    }

    /** What the run.json of a site records about the model bindings, as text for the key. */
    String bindingsFingerprint() {
        Path configFile = settings.configFile() == null ? null : Path.of(settings.configFile());
        RunManifest.Bindings b = RunManifest.Bindings.of(configFile);
        return b.configSha256() + " " + new java.util.TreeMap<>(b.models());
    }

    /** Atelier's version, from the main jar's Maven metadata. */
    static String atelierVersion() {
        try (InputStream in = Atelier.class.getResourceAsStream("/META-INF/maven/ai.atelier/atelier/pom.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    /** Generates a new site for this visitor into {@code siteDir} (empty or absent). */
    Outcome generate(String profileJson, Path siteDir, String siteId) {
        Profile p = new ProfileReader().parse(profileJson);
        return outcome(atelier.generate(new SiteJob(p, settings.workflow(), SiteJob.Options.in(siteDir), siteId)).report());
    }

    /** Finishes an interrupted or failed site in its folder: finished steps are kept (not paid again), the rest run. */
    Outcome resume(String profileJson, Path siteDir, String siteId) {
        Profile p = new ProfileReader().parse(profileJson);
        return outcome(atelier.generate(new SiteJob(p, settings.workflow(), new SiteJob.Options(siteDir.toString(), true), siteId)).report());
    }

    /** The outcome recorded in a site folder's report.json, if the run got that far. */
    static Optional<Outcome> recorded(Path siteDir) {
        if (!Files.isRegularFile(siteDir.resolve("report.json"))) return Optional.empty();
        try {
            return Optional.of(outcome(new SiteFolder(siteDir).readJson("report.json", SiteReport.class)));
        } catch (RuntimeException e) {
            return Optional.empty(); // cut off while it was written: resume rewrites it
        }
    }

    /** Whether a run ever started in this folder (it has run.json), so a resume can keep its finished steps. */
    static boolean started(Path siteDir) {
        return Files.isRegularFile(siteDir.resolve(RunManifest.FILE));
    }

    private static Outcome outcome(SiteReport r) {
        var q = r.quality();
        String status;
        if (SiteReport.OK.equals(r.status())) status = BatchStatus.DONE;
        else if (r.failedStep() == null && q != null && !q.passed()) status = BatchStatus.GATE_FAILED;
        else status = BatchStatus.FAILED;
        var t = r.totals();
        return new Outcome(status, t == null ? null : t.costUsd(), t == null ? 0 : t.inputTokens(), t == null ? 0 : t.outputTokens(),
                q == null ? null : (double) q.score(), t == null ? 0 : t.wallMs(), status.equals(BatchStatus.DONE) ? null : r.error());
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the JVM is ending
        }
    }

    @Override
    public void close() {
        SHARED.remove(settings, this);
        atelier.close();
    }
}
