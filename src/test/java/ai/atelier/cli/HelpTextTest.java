package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help, as a newcomer reads it: no picocli warnings, no summary cut mid-sentence. */
class HelpTextTest {

    /** Every command path under atelier ("generate", "kb ingest", ...), the root included as an empty path. */
    private static List<List<String>> commandPaths(CommandLine cl, List<String> prefix, List<List<String>> into) {
        into.add(prefix);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            commandPaths(sub, p, into);
        });
        return into;
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(List<String> args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = AtelierCommand.execute(args.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommandsHelpPrintsWithoutWarningsAndWithFormatsApplied() {
        List<List<String>> paths = commandPaths(new CommandLine(new AtelierCommand()), List.of(), new ArrayList<>());
        assertThat(paths).hasSizeGreaterThanOrEqualTo(8);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args);
            assertThat(r.exit()).as("exit of atelier %s --help", String.join(" ", path)).isZero();
            assertThat(r.err()).as("stderr of atelier %s --help", String.join(" ", path)).doesNotContain("WARN").isBlank();
            assertThat(r.out()).as("atelier %s --help", String.join(" ", path)).startsWith("Usage: atelier").doesNotContain("%n");
        }
    }

    @Test
    void everySummaryInTheCommandListIsAWholeSentence() {
        for (List<String> path : commandPaths(new CommandLine(new AtelierCommand()), List.of(), new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            String help = run(args).out();
            int at = help.indexOf("\nCommands:\n");
            if (at < 0) continue;
            // each entry: "  name  text" then wrapped lines indented further; join them and check the sentence ends
            Matcher m = Pattern.compile("(?m)^  (\\S+)\\s+(.+(?:\\n {6,}.+)*)").matcher(help.substring(at + 11));
            int entries = 0;
            while (m.find()) {
                entries++;
                String summary = m.group(2).replaceAll("\\s+", " ").strip();
                assertThat(summary).as("summary of %s in atelier %s --help", m.group(1), String.join(" ", path)).endsWith(".");
            }
            assertThat(entries).as("commands listed by atelier %s --help", String.join(" ", path)).isPositive();
        }
    }

    @Test
    void everyCommandsFirstDescriptionLineIsACompleteSentence() {
        for (List<String> path : commandPaths(new CommandLine(new AtelierCommand()), List.of(), new ArrayList<>())) {
            CommandLine cl = new CommandLine(new AtelierCommand());
            for (String name : path) cl = cl.getSubcommands().get(name);
            String[] description = cl.getCommandSpec().usageMessage().description();
            assertThat(description).as("description of atelier %s", String.join(" ", path)).isNotEmpty();
            assertThat(description[0]).as("first description line of atelier %s", String.join(" ", path)).endsWith(".");
        }
    }
}
