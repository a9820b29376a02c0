package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.SiteJob;
import ai.atelier.SiteResult;
import ai.atelier.economics.CostEstimator;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier generate}: one visitor profile in, one site folder with report.json out. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a personalized site for one visitor and print a summary of every step.",
                "Exit codes: 0 site passed QA, 1 a step or the quality gate failed (the folder and report are kept), 2 bad input."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "FILE", description = "Visitor profile (JSON; name and industry required).")
    Path profile;

    @Option(names = "--resume", paramLabel = "DIR", description = "Resume a failed or interrupted run in its site folder: finished steps are kept, the rest run again.")
    Path resume;

    @Option(names = "--workflow", paramLabel = "NAME|FILE", defaultValue = "personas",
            description = "personas (default), single-llm, fine-grained, or a workflow YAML file.")
    String workflow;

    @Mixin
    SetupOptions.CompanyOption company;

    @Mixin
    SetupOptions.ConfigOption config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under out/). Must not exist or be empty.")
    Path out;

    @Mixin
    SetupOptions.QualityOptions quality;

    @Option(names = "--rebind", description = "With --resume: run the remaining steps on the config given now (or none) even though run.json records other bindings.")
    boolean rebind;

    @Option(names = "--reuse-dir", paramLabel = "DIR",
            description = "Reuse the outputs that do not depend on who the visitor is (the artist's pictures, retrieval results) across runs, stored in DIR (created if missing); see docs/reuse.md.")
    Path reuseDir;

    @Mixin
    ReplayOptions replay;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if ((profile == null) == (resume == null)) {
            throw new AtelierException("give either --profile FILE for a new site or --resume DIR to finish an earlier run", "profile", null);
        }
        if (resume != null && replay.requested()) {
            throw new AtelierException("--replay starts a new simulated run; drop it to resume a run with --resume", "replay", null);
        }
        if (rebind && resume == null) throw new AtelierException("--rebind only applies to --resume DIR", "rebind", null);
        // a resume runs on the bindings run.json records, or refuses (unless --rebind) when the config now differs
        Path bound = resume != null ? Atelier.manifest(resume).bindings().configForResume(ModelSetup.configFile(config.config), rebind)
                : ModelSetup.configFile(config.config);
        if (resume != null && rebind) err.println("resuming on " + ai.atelier.workflow.RunManifest.Bindings.of(bound).describe() + " (--rebind)");
        PhaseTimings timings = PhaseTimings.fromEnvironment(err);
        timings.startup();
        // OpenTelemetry export when the standard OTEL_* variables ask for it (docs/observability.md); off, it loads nothing
        ai.atelier.telemetry.Telemetry telemetry = ai.atelier.telemetry.Telemetry.fromEnvironment();
        try (Atelier atelier = timings.time("load-validators", "config-engines-and-qa-checks", () -> replay.requested()
                // a simulation: the built-in engine at replayed latencies, its steps priced on --config's roles
                ? ModelSetup.builder(null, company.dir(), quality.config(), telemetry).engines(replay.engines())
                        .pricer(CostEstimator.forConfig(config.config)).build()
                : ModelSetup.builder(bound, company.dir(), quality.config(), telemetry).build())) {
            if (reuseDir != null) atelier.reuse(ai.atelier.reuse.ReuseStore.open(reuseDir));
            if (resume != null) {
                if (company.given() || out != null || !"personas".equals(workflow)) {
                    throw new AtelierException("--resume takes the company, workflow and folder the run started with; drop --company, --workflow and --out", "resume", null);
                }
                ProgressBar progress = new ProgressBar(err, Atelier.manifest(resume).workflow().steps().size(), System.console() != null);
                atelier.warmUp();
                SiteResult r = atelier.resume(resume, progress);
                progress.finish();
                new RunSummary(outw).print(r);
                printReuse(outw, atelier);
                return r.ok() ? 0 : AtelierCommand.EXIT_SITE_FAILED;
            }
            Profile p = timings.time("load-data", "profile", () -> new ProfileReader().read(profile));
            timings.time("load-data", "company", atelier::company);
            WorkflowDefinition wf = timings.time("load-data", "workflow", () -> atelier.loadWorkflow(workflow));
            if (refused(err, atelier.bindingProblems(wf))) return AtelierCommand.EXIT_BAD_INPUT;
            String siteId = Atelier.newSiteId(p, wf.name());
            Path dir = out != null ? out : Path.of("out", siteId);
            requireEmpty(dir);
            atelier.warmUp(); // the input is good: start every load the run needs now, side by side
            ProgressBar progress = new ProgressBar(err, wf.steps().size(), System.console() != null);
            timings.time("load-model", "knowledge-index", () -> atelier.retriever(new IngestProgressBar(err, System.console() != null)));
            SiteResult r = timings.time("work", "generate", () -> atelier.generate(new SiteJob(p, workflow, SiteJob.Options.in(dir), siteId), progress));
            progress.finish();
            r.report().steps().forEach(s -> timings.print(s.durationMs(), "work", "step:" + s.id()));
            // loaded in the background from start-up, overlapping each other and the steps: shown apart, not part of any step
            atelier.lazyLoadMillis().forEach((what, ms) -> {
                if (ms > 0) timings.print(ms, "background-load", what + " (in the background)");
            });
            new RunSummary(outw).print(r);
            printReuse(outw, atelier);
            return r.ok() ? 0 : AtelierCommand.EXIT_SITE_FAILED;
        }
    }

    private static void printReuse(PrintWriter out, Atelier atelier) {
        atelier.reuseStore().ifPresent(store -> {
            out.println("reuse: " + store.stats().describe() + " (" + store.dir() + ")");
            out.flush();
        });
    }

    /** Prints each binding problem (with its fix) and says whether the run must be refused; nothing is written. */
    static boolean refused(PrintWriter err, java.util.List<ai.atelier.model.BindingCheck.Problem> problems) {
        problems.forEach(p -> err.println("error: " + p.message()));
        err.flush();
        return !problems.isEmpty();
    }

    static void requireEmpty(Path dir) {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new AtelierException("--out " + dir + " is a file; give a folder that does not exist yet or is empty", "out", null);
        try (var s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new AtelierException("--out " + dir + " is not empty; choose a new folder or remove it first", "out", null);
            }
        } catch (IOException e) {
            throw new AtelierException("cannot read --out " + dir + ": " + e.getMessage(), "out", e);
        }
    }
}
