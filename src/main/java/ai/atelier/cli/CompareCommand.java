package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.economics.CompareReport;
import ai.atelier.economics.CompareWriter;
import ai.atelier.economics.Comparison;
import ai.atelier.economics.CostEstimator;
import ai.atelier.economics.RoleBindings;
import ai.atelier.economics.SiteRun;
import ai.atelier.site.Engines;
import ai.atelier.workflow.StepPricer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier compare}: every profile through every workflow, then report.md, report.json and charts. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the workflows on cost, latency, quality and coordination overhead.",
                "Runs every visitor profile through every workflow (several sites at once) and writes report.md, report.json "
                        + "and PNG charts into the output folder.",
                "Exit codes: 0 every site passed, 1 some site failed (everything is still reported), 2 bad input."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profiles", required = true, paramLabel = "DIR", description = "Folder of visitor profile JSON files.")
    Path profiles;

    @Option(names = "--workflows", paramLabel = "A,B,C", defaultValue = "single-llm,personas,fine-grained-lean,fine-grained",
            description = "Workflows to compare, by name or YAML file (default: ${DEFAULT-VALUE}).")
    String workflows;

    @Mixin
    SetupOptions.CompanyOption company;

    @Mixin
    SetupOptions.QualityOptions quality;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model config (see docs/models.md): roles bound to models run on them. A config with only a roles: map of "
                    + "catalog names runs on the built-in engine and prices its steps on those models as an estimate "
                    + "(default estimate basis: the bundled reference config " + RoleBindings.REFERENCE + ").")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under out/). Must not exist or be empty.")
    Path out;

    @Mixin
    ReplayOptions replay;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Sites run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        List<String> wfs = Arrays.stream(workflows.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Path dir = out != null ? out : Path.of("out", "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        GenerateCommand.requireEmpty(dir);
        // built as generate builds it (a config without models: prices the built-in engine's steps as an estimate); --replay simulates
        Path configFile = replay.requested() ? null : ModelSetup.configFile(config);
        StepPricer pricer = CostEstimator.forConfig(config);
        Atelier.Builder builder = ModelSetup.builder(configFile, company.dir(), quality.config(), ai.atelier.telemetry.Telemetry.off()).pricer(pricer);
        if (replay.requested()) builder.engines(replay.engines());
        try (Atelier atelier = builder.build()) {
            Engines engines = atelier.engines();
            var problems = new java.util.LinkedHashMap<String, ai.atelier.model.BindingCheck.Problem>();
            for (String w : wfs) atelier.bindingProblems(atelier.loadWorkflow(w)).forEach(p -> problems.putIfAbsent(p.message(), p));
            if (GenerateCommand.refused(err, List.copyOf(problems.values()))) return AtelierCommand.EXIT_BAD_INPUT;
            Comparison comparison = new Comparison(atelier);
            Comparison.Request req = new Comparison.Request(profiles, wfs, dir, parallel);
            engines.simulation().ifPresent(s -> err.println(s));
            SiteProgressBar progress = new SiteProgressBar(err, comparison.totalSites(req), System.console() != null);
            List<SiteRun> runs = comparison.run(req, progress, progress::siteFinished);
            progress.finish();
            CompareReport report = CompareReport.of(runs, wfs, engines.simulation().orElse(null), pricer.basis(), dir);
            List<String> charts = new CompareWriter().write(report, runs, dir);
            outw.println();
            if (report.simulation() != null) outw.println(report.simulation());
            outw.print(CompareWriter.table(report));
            outw.println();
            outw.print(CompareWriter.fits(report));
            outw.println(CompareWriter.costNote(report));
            outw.println("Report: " + dir.resolve("report.md") + "  (and report.json, " + String.join(", ", charts) + ")");
            outw.flush();
            return runs.stream().allMatch(SiteRun::ok) ? 0 : AtelierCommand.EXIT_SITE_FAILED;
        }
    }
}
