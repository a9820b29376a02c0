package ai.atelier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atelier kb}: the company knowledge index (build it, search it). */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = {"The company knowledge index: hybrid (BM25 + embedding) retrieval over research, offerings, testimonials and guidelines.",
                "The index lives in <company>/.atelier-index/ (or a per-user cache folder when the company folder is read-only) unless --index is given."},
        subcommands = {KbIngestCommand.class, KbSearchCommand.class, CommandLine.HelpCommand.class})
final class KbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
