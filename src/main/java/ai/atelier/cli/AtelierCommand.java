package ai.atelier.cli;

import ai.atelier.AtelierException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atelier}: the command line. Each subcommand is a thin shell over {@link ai.atelier.Atelier}. */
@Command(name = "atelier", mixinStandardHelpOptions = true, version = "atelier 0.1.0",
        description = {"Personalized websites from persona agents on small models, with cost, latency and quality measured.",
                "", "Start with: atelier generate --profile examples/profiles/manufacturing-priya-raman.json"},
        subcommands = {GenerateCommand.class, CheckCommand.class, CompareCommand.class, TcoCommand.class, KbCommand.class, ModelsCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class AtelierCommand implements Runnable {
    /** Exit code of a run whose site failed (a step or the quality gate). */
    public static final int EXIT_SITE_FAILED = 1;
    /** Exit code of bad input: a malformed profile, a missing folder, an unknown workflow. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        String level = libraryLogLevel(System.getenv());
        if (level == null) {
            System.err.println("error: ATELIER_LOG must be one of " + String.join(", ", LOG_LEVELS) + "; got \"" + System.getenv("ATELIER_LOG") + "\"");
            System.exit(EXIT_BAD_INPUT);
        }
        // before the first logger exists: slf4j-simple reads its levels once (system properties over simplelogger.properties)
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.exit(execute(args));
    }

    /** The levels ATELIER_LOG takes; libraries log at error unless it asks for more. */
    static final java.util.List<String> LOG_LEVELS = java.util.List.of("off", "error", "warn", "info", "debug", "trace");

    /** The level libraries log at in the terminal: ATELIER_LOG if set, else error; null when ATELIER_LOG is not a level. */
    static String libraryLogLevel(java.util.Map<String, String> env) {
        String v = env.get("ATELIER_LOG");
        if (v == null || v.isBlank()) return "error";
        String level = v.strip().toLowerCase(java.util.Locale.ROOT);
        return LOG_LEVELS.contains(level) ? level : null;
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new AtelierCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof AtelierException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            throw ex;
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? EXIT_BAD_INPUT : 3);
        return cl.execute(args);
    }

    /** Where Atelier is installed (the launcher sets atelier.home); the bundled example company lives there. */
    static Path home() {
        String h = System.getProperty("atelier.home");
        return h != null ? Path.of(h) : Path.of("").toAbsolutePath();
    }

    static Path defaultCompany() {
        Path p = home().resolve("examples/company");
        return Files.isDirectory(p) ? p : Path.of("examples/company");
    }
}
