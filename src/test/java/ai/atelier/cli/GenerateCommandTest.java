package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end through the CLI: every example profile through both shipped workflows honours the site contract. */
class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> profilesAndWorkflows() throws Exception {
        List<Path> profiles;
        try (var s = Files.list(Path.of("examples/profiles"))) {
            profiles = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(profiles).hasSizeGreaterThanOrEqualTo(6);
        return profiles.stream().flatMap(p -> Stream.of(Arguments.of(p, "personas"), Arguments.of(p, "single-llm")));
    }

    record Run(int exit, String out, String err, Path dir) {}

    static Run run(Path dir, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = AtelierCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), dir);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("profilesAndWorkflows")
    void everyProfileMakesAContractSite(Path profile, String workflow, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("site");
        Run r = run(dir, "generate", "--profile", profile.toString(), "--workflow", workflow, "--out", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Site ready").contains("Quality: ").contains("TOTAL");

        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("workflow").asText()).isEqualTo(workflow);
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("siteId").asText()).isNotBlank();
        for (JsonNode step : report.path("steps")) {
            for (String f : List.of("id", "role", "model", "status", "startMs", "durationMs", "inputTokens", "outputTokens", "costUsd", "attempts")) {
                assertThat(step.has(f)).as("step field " + f).isTrue();
            }
            assertThat(step.path("status").asText()).isEqualTo("ok");
        }
        JsonNode totals = report.path("totals");
        for (String f : List.of("costUsd", "inputTokens", "outputTokens", "wallMs", "criticalPathMs", "stepCount")) {
            assertThat(totals.has(f)).as("totals field " + f).isTrue();
        }
        assertThat(totals.path("inputTokens").asLong()).isPositive();
        assertThat(totals.path("criticalPathMs").asLong()).isLessThanOrEqualTo(totals.path("wallMs").asLong());
        assertThat(report.path("tokenSource").asText()).contains("estimated");
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
        assertThat(report.path("quality").path("checks")).isNotEmpty();

        Set<String> files = new HashSet<>();
        report.path("files").forEach(f -> files.add(f.asText()));
        assertThat(files).contains("index.html", "styles.css", "spec.json");
        for (String f : files) assertThat(dir.resolve(f)).exists();

        Document page = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
        JsonNode prof = JSON.readTree(profile.toFile());
        String firstName = prof.path("name").asText().split(" ")[0];
        assertThat(page.select("h1").text()).contains(firstName);
        if (prof.hasNonNull("company")) assertThat(page.text()).contains(prof.path("company").asText());
        assertThat(page.select("h1")).hasSize(1);
        List<Element> imgs = page.select("img");
        assertThat(imgs).isNotEmpty();
        for (Element img : imgs) {
            assertThat(img.attr("alt")).isNotBlank();
            assertThat(dir.resolve(img.attr("src"))).exists();
            assertThat(files).contains(img.attr("src"));
        }
        assertThat(page.select("script[src], link[href^=http], img[src^=http]")).isEmpty();
    }

    @Test
    void differentVisitorsGetVisiblyDifferentPages(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertThat(run(a, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--out", a.toString()).exit()).isZero();
        assertThat(run(b, "generate", "--profile", "examples/profiles/healthcare-rebecca-whitfield.json", "--out", b.toString()).exit()).isZero();
        Document pa = Jsoup.parse(a.resolve("index.html").toFile(), "UTF-8");
        Document pb = Jsoup.parse(b.resolve("index.html").toFile(), "UTF-8");
        assertThat(pa.select("h1").text()).isNotEqualTo(pb.select("h1").text());
        assertThat(pa.select("#pain-points h3").eachText()).doesNotContainAnyElementsOf(pb.select("#pain-points h3").eachText());
        assertThat(pa.select("[data-offering]").eachAttr("data-offering")).isNotEqualTo(pb.select("[data-offering]").eachAttr("data-offering"));
        assertThat(Files.readString(a.resolve("assets/hero.svg"))).isNotEqualTo(Files.readString(b.resolve("assets/hero.svg")));
    }

    @Test
    void anIndustryWithoutResearchGetsAGeneralPage(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("s");
        Path profile = tmp.resolve("p.json");
        Files.writeString(profile, "{\"name\":\"Ola Nordmann\",\"company\":\"Fjord Ferries\",\"industry\":\"maritime shipping\",\"interests\":[\"crew scheduling\"]}");
        Run r = run(d, "generate", "--profile", profile.toString(), "--out", d.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Document page = Jsoup.parse(d.resolve("index.html").toFile(), "UTF-8");
        assertThat(page.select("h1").text()).contains("Ola").contains("Fjord Ferries");
        assertThat(page.select("[data-offering]")).isNotEmpty();
    }

    @Test
    void hostileProfileTextIsInert(@TempDir Path tmp) throws Exception {
        for (String wf : List.of("personas", "single-llm")) {
            Path d = tmp.resolve(wf);
            Run r = run(d, "generate", "--profile", "src/test/resources/profiles/hostile.json", "--workflow", wf, "--out", d.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            String html = Files.readString(d.resolve("index.html"));
            Document page = Jsoup.parse(html);
            assertThat(page.select("script, iframe, svg, object, embed")).isEmpty();
            assertThat(page.select("[onerror], [onload], [onclick]")).isEmpty();
            assertThat(page.select("a[href*=evil], [src*=evil]")).isEmpty();
            assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>alert");
            // inert AND not shown: visitor text hygiene drops the markup from the copy (issue 14), the organisation is still named
            assertThat(page.text()).contains("Evil Corp").doesNotContain("<script>").doesNotContain("alert(");
            for (Path svg : Files.list(d.resolve("assets")).toList()) {
                String s = Files.readString(svg);
                assertThat(s).doesNotContain("<script").doesNotContain("onload=").doesNotContain("<img");
            }
        }
    }

    @Test
    void bannedPhrasesFromTheVisitorNeverReachThePage(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("s");
        Run r = run(d, "generate", "--profile", "src/test/resources/profiles/banned-words.json", "--out", d.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String text = Jsoup.parse(d.resolve("index.html").toFile(), "UTF-8").text().toLowerCase();
        assertThat(text).doesNotContain("guaranteed results").doesNotContain("risk-free").doesNotContain("instant roi");
    }

    @Test
    void badInputFailsInOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path d = tmp.resolve("never");
        Path malformed = tmp.resolve("m.json");
        Files.writeString(malformed, "{\"name\": \"Ann\", \"industry\": ");
        Path missing = tmp.resolve("n.json");
        Files.writeString(missing, "{\"name\": \"Ann\"}");
        Path wrongType = tmp.resolve("w.json");
        Files.writeString(wrongType, "{\"name\": \"Ann\", \"industry\": [\"retail\"]}");
        record Case(String[] args, String expected) {}
        List<Case> cases = List.of(
                new Case(new String[] {"generate", "--profile", malformed.toString(), "--out", d.toString()}, "malformed JSON"),
                new Case(new String[] {"generate", "--profile", missing.toString(), "--out", d.toString()}, "missing required field \"industry\""),
                new Case(new String[] {"generate", "--profile", wrongType.toString(), "--out", d.toString()}, "\"industry\" must be a string"),
                new Case(new String[] {"generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--workflow", "nope", "--out", d.toString()}, "unknown workflow \"nope\""),
                new Case(new String[] {"generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", tmp.resolve("nocompany").toString(), "--out", d.toString()}, "company folder not found"));
        for (Case c : cases) {
            Run r = run(d, c.args());
            assertThat(r.exit()).as(String.join(" ", c.args())).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
            assertThat(r.err().strip()).startsWith("error: ").contains(c.expected());
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
            assertThat(d).doesNotExist();
        }
    }

    @Test
    void resumeNeedsASiteFolderAndNoConflictingOptions(@TempDir Path tmp) throws Exception {
        Run none = run(null, "generate", "--resume", tmp.toString());
        assertThat(none.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(none.err()).contains("has no run.json");
        Run both = run(null, "generate");
        assertThat(both.err()).contains("give either --profile FILE");
        Path d = tmp.resolve("s");
        assertThat(run(d, "generate", "--profile", "examples/profiles/retail-sophie-laurent.json", "--out", d.toString()).exit()).isZero();
        Run again = run(d, "generate", "--resume", d.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Site ready");
    }

    @Test
    void refusesANonEmptyOutputFolder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "mine");
        Run r = run(tmp, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is not empty");
        assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void helpIsUsefulOnEveryCommand() {
        Run top = run(null, "--help");
        assertThat(top.out()).contains("generate");
        Run gen = run(null, "generate", "--help");
        assertThat(gen.out()).contains("--profile").contains("--company").contains("--workflow").contains("--out").contains("Exit codes");
    }
}
