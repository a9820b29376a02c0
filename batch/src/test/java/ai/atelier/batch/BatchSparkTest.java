package ai.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atelier batch} on Spark in local mode, in this JVM, on the built-in engine (and once on a
 * local OpenAI-wire server, for the budget): a small batch end to end, the rerun that changes
 * nothing, a task that fails and is retried, Parquet input, and the budget stop.
 */
class BatchSparkTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] EXAMPLES = {"manufacturing-priya-raman", "retail-diego-martinez", "logistics-hannah-becker",
            "healthcare-liam-nguyen", "agriculture-kwame-mensah", "retail-sophie-laurent"};
    @TempDir
    Path tmp;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    int batch(String... args) {
        PrintStream both = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                log.write(b);
                System.err.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        return BatchCommand.execute(both, args);
    }

    static String example(String name) throws Exception {
        return JSON.readTree(Path.of("examples/profiles/" + name + ".json").toFile()).toString();
    }

    static List<JsonNode> results(Path out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("results.jsonl"))) rows.add(JSON.readTree(l));
        return rows;
    }

    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                        + "@" + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return m;
    }

    @Test
    void smallBatchEndToEndThenTheRerunRedoesNothingAndAFailedTaskIsRetried() throws Exception {
        Path profiles = tmp.resolve("visitors.jsonl");
        Files.writeString(profiles, String.join("\n", example(EXAMPLES[0]), example(EXAMPLES[1]), "{\"name\":\"No Industry\"}",
                example(EXAMPLES[2]), "not json at all") + "\n");
        Path out = tmp.resolve("out");
        String[] args = {"--profiles", profiles.toString(), "--company", "examples/company", "--out", out.toString(), "--no-browser", "--master", "local[2]"};

        assertThat(batch(args)).as("bad rows make the exit code 1").isEqualTo(1);
        List<JsonNode> rows = results(out);
        assertThat(rows).hasSize(5);
        assertThat(rows).extracting(r -> r.path("status").asText()).containsExactly("done", "done", "failed", "done", "failed");
        assertThat(rows.get(2).path("error").asText()).startsWith("visitors.jsonl line 3: ").contains("industry");
        assertThat(rows.get(4).path("error").asText()).startsWith("visitors.jsonl line 5: not valid JSON");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("visitors.jsonl line 3: ").contains("(left out; the other visitors run)");
        for (int i : new int[] {0, 1, 3}) {
            JsonNode r = rows.get(i);
            assertThat(r.path("key").asText()).matches("[0-9a-f]{64}");
            assertThat(r.path("siteDir").asText()).startsWith("sites/").endsWith(r.path("key").asText().substring(0, 12));
            assertThat(out.resolve(r.path("siteDir").asText()).resolve("index.html")).isRegularFile();
            assertThat(r.path("costUsd").asDouble()).isZero(); // the built-in engine costs nothing
            assertThat(r.path("qualityScore").asDouble()).isPositive();
            assertThat(r.path("wallMs").asLong()).isPositive();
            assertThat(r.path("error").isNull()).isTrue();
        }
        assertThat(rows.get(0).path("id").asText()).isEqualTo("priya-raman");
        JsonNode summary = JSON.readTree(out.resolve("batch.json").toFile());
        assertThat(summary.path("done").asInt()).isEqualTo(3);
        assertThat(summary.path("failed").asInt()).isEqualTo(2);
        assertThat(summary.path("costPerSiteUsd").asDouble()).isZero();
        assertThat(Files.readString(out.resolve("report.md"))).contains("**3 done**").contains("charts/latency.png").contains("bad input");
        for (String c : List.of("cost-per-1000-sites", "latency", "quality", "failures")) assertThat(out.resolve("charts/" + c + ".png")).isNotEmptyFile();
        try (Stream<Path> parts = Files.list(out.resolve("results.parquet"))) {
            assertThat(parts.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".parquet"));
        }

        // the rerun reads the site folders: nothing is made again, no file changes
        Map<String, String> before = snapshot(out.resolve("sites"));
        assertThat(batch(args)).isEqualTo(1);
        assertThat(results(out)).extracting(r -> r.path("status").asText())
                .containsExactly("skipped-done", "skipped-done", "failed", "skipped-done", "failed");
        assertThat(snapshot(out.resolve("sites"))).isEqualTo(before);

        // a task that fails (its folder cannot be made) fails alone; the next run retries it
        Path diego = out.resolve(rows.get(1).path("siteDir").asText());
        try (Stream<Path> s = Files.walk(diego)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(diego, "in the way");
        assertThat(batch(args)).isEqualTo(1);
        List<JsonNode> third = results(out);
        assertThat(third).extracting(r -> r.path("status").asText()).containsExactly("skipped-done", "failed", "failed", "skipped-done", "failed");
        assertThat(third.get(1).path("error").asText()).isNotBlank();
        Files.delete(diego);
        batch(args);
        assertThat(results(out)).extracting(r -> r.path("status").asText()).containsExactly("skipped-done", "done", "failed", "skipped-done", "failed");
        assertThat(diego.resolve("index.html")).isRegularFile();
    }

    @Test
    void parquetInputRunsTheGoodRowsAndNamesTheBadRow() throws Exception {
        Path parquet = tmp.resolve("visitors.parquet");
        SparkSession spark = SparkSession.builder().master("local[1]").appName("write-parquet").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<String> json = List.of(example(EXAMPLES[3]), "{\"id\":\"nameless\",\"industry\":\"retail\"}", example(EXAMPLES[4]));
            spark.read().json(spark.createDataset(json, Encoders.STRING())).coalesce(1).write().parquet(parquet.toString());
        } finally {
            spark.stop();
        }
        Path out = tmp.resolve("out");
        assertThat(batch("--profiles", parquet.toString(), "--out", out.toString(), "--no-browser", "--master", "local[2]")).isEqualTo(1);
        List<JsonNode> rows = results(out);
        assertThat(rows).extracting(r -> r.path("status").asText()).containsExactly("done", "failed", "done");
        assertThat(rows.get(1).path("error").asText()).startsWith("visitors.parquet row 2: ").contains("name");
        assertThat(rows.get(0).path("id").asText()).isEqualTo("liam-nguyen");
    }

    @Test
    void theBudgetStopsStartingSitesAndTheReportSaysWhere() throws Exception {
        try (OpenAiWireServer wire = new OpenAiWireServer(20)) {
            Path profiles = tmp.resolve("visitors.jsonl");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                var p = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(example(EXAMPLES[0]));
                p.put("id", "priya-" + i);
                sb.append(p).append('\n');
            }
            Files.writeString(profiles, sb);
            Path out = tmp.resolve("out");
            // one site costs 3000 x $0.15 + 800 x $0.60 per million tokens = $0.00093 (gpt-4o-mini in the catalog)
            int code = batch("--profiles", profiles.toString(), "--out", out.toString(), "--no-browser", "--master", "local[1]",
                    "--config", wire.config(tmp, 4).toString(), "--budget-usd", "0.0005");
            assertThat(code).isEqualTo(1);
            JsonNode s = JSON.readTree(out.resolve("batch.json").toFile());
            int ran = s.path("done").asInt() + s.path("gateFailed").asInt() + s.path("failed").asInt();
            assertThat(ran).as(log.toString(StandardCharsets.UTF_8)).isBetween(1, 2);
            assertThat(s.path("notStarted").asInt()).isEqualTo(6 - ran);
            assertThat(s.path("spentUsd").asDouble()).isCloseTo(0.00093 * ran, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Files.readString(out.resolve("report.md"))).contains("**Budget stop**").contains("the first is priya-" + ran);
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("budget of $0.0005 reached");
            assertThat(results(out)).hasSize(ran);
        }
    }
}
