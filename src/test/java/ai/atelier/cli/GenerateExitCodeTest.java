package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A site that fails QA is still written, with its report marked failed, and generate exits non-zero. */
class GenerateExitCodeTest {
    @Test
    void aFailingSiteIsKeptAndTheCommandExitsNonZero(@TempDir Path tmp) throws Exception {
        Path company = tmp.resolve("company");
        try (Stream<Path> files = Files.walk(Path.of("examples/company"))) {
            for (Path p : files.toList()) {
                Path to = company.resolve(Path.of("examples/company").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path policies = company.resolve("policies.yaml");
        Files.writeString(policies, Files.readString(policies).replace("bannedPhrases: [", "bannedPhrases: [\"skip to content\", "));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AtelierCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        Path site = tmp.resolve("site");
        int code = cli.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", company.toString(),
                "--out", site.toString(), "--no-browser");
        assertThat(code).isEqualTo(AtelierCommand.EXIT_SITE_FAILED);
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(site.resolve("report.json"))).contains("\"status\" : \"failed\"").contains("\"revisions\"");
        assertThat(out.toString()).contains("FAILED").contains("banned-phrases").contains("SKIPPED accessibility-axe")
                .contains("Revise round 1 [personalizer] on builtin: skipped");
    }
}
