package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier kb ingest|search} and {@code generate} as a user runs them, on a temp company folder:
 * exit codes (0 clean, 1 files skipped, 2 bad input), warnings naming skipped files, scores and sources
 * in search output, the index built on first use by generate, and provenance in report.json.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KbCommandTest {
    @TempDir
    static Path tmp;
    static Path company;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void smallCompany() throws IOException {
        company = tmp.resolve("company");
        Path src = Path.of("examples/company");
        Files.createDirectories(company.resolve("research"));
        for (String f : List.of("company.yaml", "offerings.yaml", "testimonials.yaml", "design-guidelines.md", "policies.yaml")) {
            Files.copy(src.resolve(f), company.resolve(f));
        }
        for (String f : List.of("manufacturing-energy-costs.md", "manufacturing-predictive-maintenance.md")) {
            Files.copy(src.resolve("research").resolve(f), company.resolve("research").resolve(f));
        }
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AtelierCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    @Order(1)
    void ingestExitsOneAndNamesEachSkippedFile() throws IOException {
        Files.writeString(company.resolve("research/broken.md"), "---\ntitle: [oops\n---\nText\n");
        Run r = run("kb", "ingest", "--company", company.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(KbIngestCommand.EXIT_SKIPPED);
        assertThat(r.err()).contains("warning: skipped research/broken.md: has front matter that is not valid YAML");
        assertThat(r.out()).contains("Indexed ").contains(company.resolve(".atelier-index").toString()).contains("skipped 1 file(s)");
        assertThat(company.resolve(".atelier-index/index.header")).exists();
    }

    @Test
    @Order(2)
    void ingestAgainAfterFixingExitsZeroAndEmbedsNothing() throws IOException {
        Files.delete(company.resolve("research/broken.md"));
        Run r = run("kb", "ingest", "--company", company.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("embedded 0,").contains("unchanged ");
    }

    @Test
    @Order(3)
    void searchPrintsRankedChunksWithScoresAndSources() {
        Run r = run("kb", "search", "our furnaces set a new demand peak", "--industry", "manufacturing", "--k", "3", "--company", company.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 of ").contains(" 1. fused ").contains("lexical ").contains("vector ")
                .contains("research/manufacturing-energy-costs.md#");
        Run topic = run("kb", "search", "alerts", "--topic", "predictive-maintenance", "--kind", "research", "--company", company.toString());
        assertThat(topic.out()).contains("research/manufacturing-predictive-maintenance.md#").doesNotContain("energy-costs.md#");
    }

    @Test
    @Order(4)
    void badSearchInputExitsTwoWithOneLine() {
        Run k = run("kb", "search", "energy", "--k", "0", "--company", company.toString());
        assertThat(k.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(k.err().strip()).isEqualTo("error: --k must be between 1 and 100, got 0");
        Run mode = run("kb", "search", "energy", "--mode", "fuzzy", "--company", company.toString());
        assertThat(mode.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        Run missing = run("kb", "ingest", "--company", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("company folder not found");
    }

    @Test
    @Order(5)
    void generateBuildsTheIndexOnFirstUseAndRecordsChunksAndFilesPerSection() throws IOException {
        Path fresh = tmp.resolve("fresh");
        Files.createDirectories(fresh);
        KnowledgeTestFiles.copyTree(company, fresh.resolve("company"), ".atelier-index");
        Path out = tmp.resolve("site");
        Run r = run("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company", fresh.resolve("company").toString(),
                "--out", out.toString());
        assertThat(r.err()).contains("knowledge index: embedding");
        assertThat(fresh.resolve("company/.atelier-index/index.header")).exists();
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("provenance");
        JsonNode pains = provenance.path("pain-points");
        assertThat(pains.path("chunks").size()).isPositive();
        assertThat(pains.path("chunks").get(0).asText()).startsWith("research/manufacturing-");
        assertThat(pains.path("files").get(0).asText()).matches("research/manufacturing-[a-z-]+\\.md");
        assertThat(provenance.path("offerings").path("files").get(0).asText()).isEqualTo("offerings.yaml");
    }
}
