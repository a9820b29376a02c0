package ai.atelier.economics;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.SiteJob;
import ai.atelier.SiteListener;
import ai.atelier.SiteResult;
import ai.atelier.Slug;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.RunListener;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A comparison of workflows: every visitor profile through every workflow on the Atelier's
 * company, as {@link SiteJob}s run a few at once by {@link Atelier#generateAll} (the same runner,
 * models and quality settings as every other command), each under
 * {@code <out>/sites/<workflow>/<profile>/}. What is its own is the grid and its statistics: the
 * inputs are checked before anything runs, so a bad profile or workflow name costs nothing.
 */
public final class Comparison {
    /** The most sites run at once. */
    public static final int MAX_PARALLEL = Atelier.MAX_PARALLEL;
    private final Atelier atelier;

    public Comparison(Atelier atelier) {
        this.atelier = atelier;
    }

    /** The profiles folder, the workflows (names or files), the output folder, and how many sites run at once. */
    public record Request(Path profilesDir, List<String> workflows, Path outDir, int parallel) {}

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
        atelier.company(); // a bad company folder is refused before any site runs
        List<SiteJob> jobs = new ArrayList<>();
        Map<SiteJob, Map.Entry<String, WorkflowDefinition>> cells = new java.util.IdentityHashMap<>();
        for (int w = 0; w < workflows.size(); w++) {
            WorkflowDefinition wf = workflows.get(w);
            for (Map.Entry<String, Profile> p : profiles.entrySet()) {
                Path dir = req.outDir().resolve("sites").resolve(slug(wf.name())).resolve(p.getKey());
                SiteJob job = new SiteJob(p.getValue(), req.workflows().get(w), SiteJob.Options.in(dir), p.getKey() + "-" + slug(wf.name()));
                jobs.add(job);
                cells.put(job, Map.entry(p.getKey(), wf));
            }
        }
        List<SiteResult> results = atelier.generateAll(jobs, req.parallel(), new SiteListener() {
            @Override
            public RunListener steps(SiteJob job) {
                return listener;
            }

            @Override
            public void siteFinished(SiteJob job, SiteResult result) {
                siteFinished.accept(cell(cells.get(job), result));
            }
        });
        List<SiteRun> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) out.add(cell(cells.get(jobs.get(i)), results.get(i)));
        return out;
    }

    /** A crash in one site does not sink the comparison: it is a cell without a report, counted as a failure. */
    private static SiteRun cell(Map.Entry<String, WorkflowDefinition> profileAndWorkflow, SiteResult r) {
        return SiteRun.of(profileAndWorkflow.getKey(), profileAndWorkflow.getValue(), r.dir(), r.report(), r.report() != null ? r.report().error() : r.error());
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        return slug(n.substring(0, n.length() - ".json".length()));
    }

    /** A name as a folder or file name (profiles' and workflows' names are not cut: two long names must not collide). */
    static String slug(String s) {
        return Slug.of(s, 90, "x");
    }
}
