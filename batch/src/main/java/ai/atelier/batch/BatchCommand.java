package ai.atelier.batch;

import ai.atelier.AtelierException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier batch}: a site for every visitor of a profiles file, on Apache Spark. The launcher
 * ({@code ./atelier batch …}) starts this class with Spark's jars beside the main jar; spark-submit
 * starts it the same way on a cluster (which is why it is public: spark-submit calls its main by reflection).
 * Parsing only: the work is {@link BatchRun}'s.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Generate a site for every visitor of a profiles file (JSON Lines, CSV, a folder of JSON files, or Parquet) on Apache Spark.",
                "Each site is a task keyed by a hash of the visitor, the company folder, the workflow, the models and Atelier's version: "
                        + "running the same command again redoes nothing that finished, resumes what was cut off and retries what failed.",
                "Writes OUT/results.jsonl, OUT/results.parquet, OUT/report.md (with charts) and OUT/batch.json; each site in OUT/sites/.",
                "Exit codes: 0 every site done, 1 some failed, failed the quality gate or were not started (budget), 2 bad input."},
        footer = {"", "Example:", "  ./atelier batch --profiles visitors.csv --company examples/company --out out/campaign --budget-usd 20"})
public final class BatchCommand implements Callable<Integer> {
    @Option(names = "--profiles", required = true, paramLabel = "FILE|DIR", description = ".jsonl, .csv (header = profile fields, lists as a;b), .parquet, or a folder of .json files.")
    Path profiles;

    @Option(names = "--company", paramLabel = "DIR", description = "Company knowledge folder (default: the bundled example company).")
    Path company;

    @Option(names = "--workflow", paramLabel = "NAME|FILE", defaultValue = "personas", description = "personas (default), single-llm, fine-grained, or a workflow YAML file.")
    String workflow;

    @Option(names = "--config", paramLabel = "FILE", description = "Model configuration (YAML); default: every role on the built-in engine.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Batch folder: new, empty, or an earlier batch's (to go on with it).")
    Path out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (spark://host:7077, yarn, k8s://…); default: spark-submit's, else local[*] in this process.")
    String master;

    @Option(names = "--budget-usd", paramLabel = "X", description = "Stop starting sites once this run has spent X USD (running sites finish).")
    Double budgetUsd;

    @Option(names = "--no-browser", description = "Skip the browser checks of QA (axe-core, phone layout, screenshots); they are reported skipped.")
    boolean noBrowser;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where the cross-visitor cache of the batch lives (default: OUT/cache).")
    Path cache;

    @Option(names = "--no-reuse", description = "Draw every picture and run every retrieval for each visitor (no cross-visitor reuse; docs/reuse.md).")
    boolean noReuse;

    private final PrintStream err;

    BatchCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        BatchRun.Outcome o = new BatchRun(err).run(new BatchRun.Options(profiles, company != null ? company : defaultCompany(), workflow, config, out, master, budgetUsd, !noBrowser, cache, !noReuse));
        err.println("batch: results in " + out.resolve("results.jsonl") + ", report in " + out.resolve("report.md"));
        return o.allDone() ? 0 : 1;
    }

    /** The example company of the Atelier checkout the launcher names (-Datelier.home), else ./examples/company. */
    private static Path defaultCompany() {
        String home = System.getProperty("atelier.home");
        Path p = home == null ? null : Path.of(home, "examples", "company");
        return p != null && java.nio.file.Files.isDirectory(p) ? p : Path.of("examples/company");
    }

    /** Runs the command and returns its exit code (bad input: one line on stderr, code 2). */
    static int execute(PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new BatchCommand(err));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            while (t != null && !(t instanceof AtelierException) && !(t instanceof java.io.UncheckedIOException)) t = t.getCause();
            err.println("error: " + SiteTask.oneLine(t != null ? t : e));
            return 2;
        });
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }

    public static void main(String[] args) {
        int code = execute(System.err, args);
        System.exit(code);
    }
}
