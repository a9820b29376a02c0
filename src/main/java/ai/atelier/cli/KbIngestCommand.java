package ai.atelier.cli;

import ai.atelier.Atelier;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.IndexLocation;
import ai.atelier.knowledge.IngestReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code atelier kb ingest}: build or refresh a company's knowledge index. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Build or refresh the knowledge index of a company folder. Unchanged content is not embedded again; deleted files leave the index.",
                "Exit codes: 0 everything indexed, 1 indexed but some files were skipped (each named in a warning), 2 bad input."})
final class KbIngestCommand implements Callable<Integer> {
    /** Exit code when the index was built but some knowledge files were skipped. */
    static final int EXIT_SKIPPED = 1;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SetupOptions.CompanyOption company;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: <company>/.atelier-index/, or a cache folder when the company folder is read-only).")
    Path index;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Atelier atelier = Atelier.builder().build()) {
            Company c = atelier.loadCompany(company.dir());
            Path dir = index != null ? index : IndexLocation.defaultFor(c.dir());
            IngestReport r = atelier.knowledge().ingest(c, dir, new IngestProgressBar(err, System.console() != null));
            out.printf("Indexed %d chunks from %d files into %s in %.1f s%n", r.chunks(),
                    r.added().size() + r.changed().size() + r.unchanged(), r.indexDir(), r.millis() / 1000.0);
            out.printf("  embedded %d, reused %d; files added %d, changed %d, unchanged %d, removed %d%s%n", r.embedded(), r.reused(),
                    r.added().size(), r.changed().size(), r.unchanged(), r.removed().size(),
                    r.removed().isEmpty() ? "" : " (" + String.join(", ", r.removed()) + ")");
            if (r.anythingSkipped()) {
                out.println("  skipped " + r.skipped().size() + " file(s); see the warnings above");
                return EXIT_SKIPPED;
            }
            return 0;
        }
    }
}
