package ai.atelier.cli;

import ai.atelier.economics.TcoInputs;
import ai.atelier.economics.TcoPlan;
import ai.atelier.economics.TcoProjection;
import ai.atelier.economics.TcoWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier tco}: month-by-month and cumulative cost of each design, the break-even month, and a chart. */
@Command(name = "tco", mixinStandardHelpOptions = true,
        description = {"Project the total cost of ownership of each design (workflow) month by month.",
                "Cost is the model cost per site times the sites not served from cache, plus engineering up front and per month. "
                        + "Prints the table and the break-even month between designs; writes tco.md, tco.json and the chart tco.png "
                        + "into the output folder."},
        footer = {"", "Example:",
                "  atelier tco --sites 20000 --growth 5%% --months 24 --cache-hit-rate 10%% \\",
                "    --from-compare out/cmp/report.json \\",
                "    --engineering single-llm=5000:500 --engineering personas=25000:1500 \\",
                "    --engineering fine-grained=60000:4000"})
final class TcoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sites", required = true, paramLabel = "N", description = "Sites generated per month now.")
    double sites;

    @Option(names = "--growth", paramLabel = "RATE", defaultValue = "0", description = "Monthly growth of sites, e.g. 5%% or 0.05 (default: 0).")
    String growth;

    @Option(names = "--months", paramLabel = "N", defaultValue = "24", description = "Horizon in months (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--cache-hit-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share of sites served from cache at no model cost, e.g. 20%% (default: 0).")
    String cacheHitRate;

    @Option(names = "--from-compare", paramLabel = "FILE", description = "A compare report.json: each workflow becomes a design with its mean cost per site.")
    Path fromCompare;

    @Option(names = "--from-batch", paramLabel = "DIR|FILE",
            description = "An atelier batch folder (or its batch.json), repeatable: each workflow becomes a design with the measured cost per site; "
                    + "batches of one workflow at several sizes make its cost per site follow volume (linear in log sites between them).")
    java.util.List<Path> fromBatch;

    @Option(names = "--cost", paramLabel = "estimated|measured", defaultValue = "estimated",
            description = "Which cost per site to read from --from-compare (default: ${DEFAULT-VALUE}; built-in runs measure 0).")
    String cost;

    @Option(names = "--design", paramLabel = "NAME=USD", description = "A design and its cost per site in USD (repeatable; overrides --from-compare).")
    Map<String, String> designs;

    @Option(names = "--engineering", paramLabel = "NAME=UPFRONT:MONTHLY", description = "A design's engineering cost in USD, up front and per month (repeatable; default 0:0).")
    Map<String, String> engineering;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for tco.md, tco.json, tco.png (default: a new folder under out/).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter outw = spec.commandLine().getOut();
        if (!cost.equals("estimated") && !cost.equals("measured")) {
            throw new ai.atelier.AtelierException("--cost must be estimated or measured, got \"" + cost + "\"", "cost", null);
        }
        TcoPlan plan = TcoInputs.plan(sites, growth, months, cacheHitRate, fromCompare, cost.equals("estimated"),
                fromBatch == null ? java.util.List.of() : fromBatch, designs, engineering);
        TcoProjection projection = TcoProjection.of(plan);
        Path dir = out != null ? out : Path.of("out", "tco-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String source = fromCompare == null ? null : "Cost per site: the " + cost + " mean of " + fromCompare
                + (cost.equals("estimated") ? " (an ESTIMATE: built-in or replayed runs priced on the models a config binds to each role)" : "");
        if (fromBatch != null && !fromBatch.isEmpty()) {
            String measured = "Cost per site MEASURED by atelier batch (" + String.join(", ", fromBatch.stream().map(Path::toString).toList())
                    + "): each month's cost per site is read off the measured points at that month's volume";
            source = source == null ? measured : source + "; " + measured;
        }
        new TcoWriter().write(projection, source, dir);
        if (source != null) outw.println(source);
        outw.print(TcoWriter.assumptions(plan));
        outw.println();
        outw.print(TcoWriter.table(projection));
        outw.println();
        outw.print(TcoWriter.breakEvens(projection));
        outw.println("Chart: " + dir.resolve("tco.png") + "  (and tco.md, tco.json)");
        outw.flush();
        return 0;
    }
}
