package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier check}: the same QA as generate on any page folder; exit 0 pass, 1 gate failed, 2 bad input with nothing written. */
class CheckCommandTest {
    @TempDir
    static Path tmp;
    static Path site;
    static final String PROFILE = "examples/profiles/logistics-hannah-becker.json";

    @BeforeAll
    static void generateAGoodPage() {
        site = tmp.resolve("site");
        assertThat(AtelierCommand.execute("generate", "--profile", PROFILE, "--out", site.toString(), "--no-browser")).isZero();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = new picocli.CommandLine(new AtelierCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return AtelierCommand.EXIT_BAD_INPUT;
        });
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {}

    @Test
    void aGoodPagePassesAndTheReportIsWrittenBesideIt() throws Exception {
        Result r = run("check", site.toString(), "--profile", PROFILE, "--no-browser");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("passed").contains("browser checks not run").contains("sub-scores:");
        String json = Files.readString(site.resolve("quality.json"));
        assertThat(json).contains("\"subscores\"").contains("\"grounding\"").contains("\"notRun\"");
    }

    @Test
    void aHandEditedPageThatLostItsDisclaimerFailsTheGate() throws Exception {
        Path edited = tmp.resolve("edited");
        copy(site, edited);
        String html = Files.readString(edited.resolve("index.html"));
        Files.writeString(edited.resolve("index.html"), html.replace("Results vary by organisation", "Results"));
        Result r = run("check", edited.toString(), "--profile", PROFILE, "--no-browser");
        assertThat(r.code()).isEqualTo(AtelierCommand.EXIT_SITE_FAILED);
        assertThat(r.out()).contains("FAILED").contains("disclaimer");
    }

    @Test
    void badInputIsOneLineAndNothingIsWritten() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result noIndex = run("check", empty.toString(), "--profile", PROFILE, "--no-browser");
        assertThat(noIndex.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(noIndex.err().strip()).contains("no index.html").doesNotContain("\n");
        assertThat(empty.resolve("quality.json")).doesNotExist();

        Result missing = run("check", tmp.resolve("nowhere").toString(), "--profile", PROFILE);
        assertThat(missing.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("site folder not found");

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"name\":");
        Path other = tmp.resolve("other");
        copy(site, other);
        Files.deleteIfExists(other.resolve("quality.json"));
        Result badProfile = run("check", other.toString(), "--profile", bad.toString());
        assertThat(badProfile.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(other.resolve("quality.json")).doesNotExist();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
