package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.AtelierException;
import ai.atelier.knowledge.Company;
import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.SiteGeneration;
import ai.atelier.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "Visitor profile (JSON; name and industry required).")
    Path profile;

    @Option(names = "--company", paramLabel = "DIR", description = "Company knowledge folder (default: the bundled example company).")
    Path company;

    @Option(names = "--workflow", paramLabel = "NAME|FILE", defaultValue = "personas",
            description = "personas (default), single-llm, or a workflow YAML file.")
    String workflow;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under out/). Must not exist or be empty.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        try (Atelier atelier = Atelier.builtin()) {
            Profile p = new ProfileReader().read(profile);
            Company c = atelier.loadCompany(company != null ? company : AtelierCommand.defaultCompany());
            WorkflowDefinition wf = atelier.loadWorkflow(workflow);
            String siteId = Atelier.newSiteId(p, wf);
            Path dir = out != null ? out : Path.of("out", siteId);
            requireEmpty(dir);
            ProgressBar progress = new ProgressBar(err, wf.steps().size(), System.console() != null);
            var retriever = atelier.retrieverFor(c, new IngestProgressBar(err, System.console() != null));
            SiteGeneration.Result r = atelier.generate(p, c, retriever, wf, dir, siteId, progress);
            progress.finish();
            new RunSummary(outw).print(r);
            return r.ok() ? 0 : AtelierCommand.EXIT_SITE_FAILED;
        }
    }

    private static void requireEmpty(Path dir) {
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
