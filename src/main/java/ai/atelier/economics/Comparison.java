package ai.atelier.economics;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs every visitor profile through every workflow on the same company, several sites at once,
 * each as its own self-contained site generation under {@code <out>/sites/<workflow>/<profile>/}.
 * Inputs are checked before anything runs, so a bad profile or workflow name costs nothing.
 */
public final class Comparison {
    /** The most sites run at once. */
    public static final int MAX_PARALLEL = 32;
    private final Atelier atelier;

    public Comparison(Atelier atelier) {
        this.atelier = atelier;
    }

    public record Request(Path profilesDir, List<String> workflows, Path companyDir, Path outDir, int parallel) {}

    /** The profiles a folder holds: every *.json file, sorted by name. */
    public static List<Path> profileFiles(Path dir) {
        if (!Files.isDirectory(dir)) throw new AtelierException("--profiles " + dir + " is not a folder; give a folder of visitor profile JSON files", "profiles", null);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
            if (files.isEmpty()) throw new AtelierException("--profiles " + dir + " holds no .json profiles", "profiles", null);
            return files;
        } catch (IOException e) {
            throw new AtelierException("cannot read --profiles " + dir + ": " + e.getMessage(), "profiles", e);
        }
    }

    /** The number of sites the comparison will make (every profile through every workflow), for a progress bar. */
    public int totalSites(Request req) {
        return profileFiles(req.profilesDir()).size() * req.workflows().size();
    }

    public List<SiteRun> run(Request req, RunListener listener) {
        return run(req, listener, site -> {});
    }

    /** As {@link #run(Request, RunListener)}, telling {@code siteFinished} as each site is done (from worker threads). */
    public List<SiteRun> run(Request req, RunListener listener, java.util.function.Consumer<SiteRun> siteFinished) {
        if (req.parallel() < 1 || req.parallel() > MAX_PARALLEL) throw new AtelierException("--parallel must be 1.." + MAX_PARALLEL + ", got " + req.parallel(), "parallel", null);
        Map<String, Profile> profiles = new LinkedHashMap<>();
        ProfileReader reader = new ProfileReader();
        for (Path f : profileFiles(req.profilesDir())) profiles.put(stem(f), reader.read(f));
        List<WorkflowDefinition> workflows = req.workflows().stream().map(atelier::loadWorkflow).toList();
        Company company = atelier.loadCompany(req.companyDir());
        Retriever retriever = atelier.retrieverFor(company);

        ExecutorService pool = Executors.newFixedThreadPool(req.parallel(), r -> {
            Thread t = new Thread(r, "atelier-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SiteRun>> jobs = new ArrayList<>();
            for (WorkflowDefinition wf : workflows) {
                for (Map.Entry<String, Profile> p : profiles.entrySet()) {
                    Path dir = req.outDir().resolve("sites").resolve(slug(wf.name())).resolve(p.getKey());
                    jobs.add(pool.submit(() -> {
                        SiteRun run = runOne(p.getKey(), p.getValue(), company, retriever, wf, dir, listener);
                        siteFinished.accept(run);
                        return run;
                    }));
                }
            }
            List<SiteRun> out = new ArrayList<>();
            for (Future<SiteRun> f : jobs) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("comparison interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("comparison failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SiteRun runOne(String name, Profile p, Company c, Retriever r, WorkflowDefinition wf, Path dir, RunListener listener) {
        try {
            SiteGeneration.Result res = atelier.generate(p, c, r, wf, dir, name + "-" + slug(wf.name()), listener);
            return SiteRun.of(name, wf, res.dir(), res.report(), res.report().error());
        } catch (RuntimeException e) {
            // A crash in one site must not sink the comparison: it is counted as a failure.
            return SiteRun.of(name, wf, dir, null, String.valueOf(e.getMessage()));
        }
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        return slug(n.substring(0, n.length() - ".json".length()));
    }

    static String slug(String s) {
        String x = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return x.isEmpty() ? "x" : x;
    }
}
