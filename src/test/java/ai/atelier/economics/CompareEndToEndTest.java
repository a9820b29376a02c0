package ai.atelier.economics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.AtelierCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atelier compare` end to end on two profiles and the three bundled workflows, on the built-in engine and on a latency replay. */
class CompareEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHARTS = List.of("cost-vs-quality.png", "cost-by-role.png", "waterfall-single-llm.png",
            "waterfall-personas.png", "waterfall-fine-grained.png", "overhead-vs-k.png");

    private static Path twoProfiles(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        for (String p : List.of("manufacturing-priya-raman.json", "retail-sophie-laurent.json")) {
            Files.copy(Path.of("examples/profiles", p), dir.resolve(p));
        }
        return dir;
    }

    /** Runs the CLI in-process and returns its exit code and standard output. */
    private static Object[] cli(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(), errBuf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBuf, true, StandardCharsets.UTF_8));
            int code = AtelierCommand.execute(args);
            return new Object[] {code, buf.toString(StandardCharsets.UTF_8), errBuf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void builtinComparisonReportsEveryWorkflowWithChartsAndAFit(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        Object[] r = cli("compare", "--profiles", twoProfiles(tmp).toString(), "--company", "examples/company", "--out", out.toString(), "--parallel", "3");
        assertThat(r[0]).isEqualTo(0);
        JsonNode rep = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(rep.get("simulation").isNull()).isTrue();
        assertThat(rep.get("profiles").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        rep.get("workflows").forEach(w -> names.add(w.get("workflow").asText() + ":" + w.get("k").asInt() + ":" + w.get("sites").asInt()));
        // the default comparison has three distinct k above 1 (3, 8, 9), so the overhead fit has its points
        assertThat(names).containsExactly("single-llm:1:2", "personas:3:2", "fine-grained-lean:8:2", "fine-grained:9:2");
        for (JsonNode w : rep.get("workflows")) {
            assertThat(w.get("qaMin").asDouble()).isEqualTo(100.0);
            assertThat(w.get("failureRate").asDouble()).isZero();
            assertThat(w.path("estimatedCostUsd").path("mean").asDouble()).isPositive();
            assertThat(w.path("wallMs").path("p95").asDouble()).isGreaterThanOrEqualTo(w.path("wallMs").path("p50").asDouble());
        }
        // fine-grained carries more than personas, single-llm carries nothing; the fit is over the 4 sites with k > 1
        assertThat(rep.at("/workflows/0/carriedTokens/mean").asDouble()).isZero();
        assertThat(rep.at("/workflows/3/carriedTokens/mean").asDouble()).isGreaterThan(rep.at("/workflows/1/carriedTokens/mean").asDouble());
        assertThat(rep.at("/carriedTokensFit/fit/n").asInt()).isEqualTo(6);
        assertThat(rep.at("/carriedTokensFit/fit/excluded").asInt()).isEqualTo(2);
        assertThat(rep.at("/carriedTokensFit/fit/m").asDouble()).isPositive();
        assertThat(rep.get("sites")).hasSize(8);
        for (String chart : CHARTS) assertThat(Files.readAllBytes(out.resolve(chart))).as(chart).startsWith(0x89, 'P', 'N', 'G');
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| fine-grained | 9 | 2 |").contains("k^").contains("ESTIMATE").doesNotContain("SIMULATION");
        assertThat((String) r[1]).contains("| personas | 3 | 2 |").contains("Estimated costs are an ESTIMATE: calls answered")
                .doesNotContain("ESTIMATE: estimate");
        assertThat(md).doesNotContain("ESTIMATE — estimate").doesNotContain("ESTIMATE: estimate");
        // progress counts sites, not steps
        assertThat((String) r[2]).contains("] 8/8 sites").doesNotContain("/50");
    }

    @Test
    void replayedComparisonIsLabelledASimulationAndFollowsTheProfile(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("replay.yaml");
        Files.writeString(profile, """
                name: test-replay
                source: a test profile
                roles:
                  personalizer: {medianSeconds: 20, inputTokens: 1234, outputTokens: 567}
                  artist: {referenceTotalSeconds: 40, referenceCalls: 4}
                  frontend-developer: {medianSeconds: 20}
                  layout-developer: {medianSeconds: 20}
                  single-llm: {medianSeconds: 30}
                  default: {medianSeconds: 10}
                """);
        Path out = tmp.resolve("cmp");
        Object[] r = cli("compare", "--profiles", twoProfiles(tmp).toString(), "--company", "examples/company", "--out", out.toString(),
                "--replay", profile.toString(), "--replay-scale", "0.01");
        assertThat(r[0]).isEqualTo(0);
        assertThat((String) r[1]).contains("SIMULATION: latency replay of profile \"test-replay\"");
        JsonNode rep = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(rep.get("simulation").asText()).startsWith("SIMULATION").contains("time scale 0.01");
        assertThat(Files.readString(out.resolve("report.md"))).contains("**SIMULATION");

        for (JsonNode site : rep.get("sites")) {
            JsonNode sr = JSON.readTree(out.resolve(site.get("report").asText()).toFile());
            assertThat(sr.get("simulation").asText()).startsWith("SIMULATION");
            for (JsonNode step : sr.get("steps")) {
                String role = step.get("role").asText();
                long expectedMs = switch (role) {
                    case "personalizer", "frontend-developer", "layout-developer" -> 200;
                    case "artist" -> 100;
                    case "single-llm" -> 300;
                    default -> 100;
                };
                for (JsonNode call : step.get("calls")) {
                    assertThat(call.get("provider").asText()).isEqualTo("replay");
                    assertThat(call.get("model").asText()).isEqualTo("replay:test-replay");
                    assertThat(call.get("durationMs").asLong()).as(role).isGreaterThanOrEqualTo(expectedMs);
                    if (role.equals("personalizer")) {
                        assertThat(call.at("/usage/inputTokens").asLong()).isEqualTo(1234);
                        assertThat(call.at("/usage/outputTokens").asLong()).isEqualTo(567);
                    }
                }
            }
        }
        // the replayed calls are still priced as an estimate, from the replayed token counts
        assertThat(rep.at("/workflows/1/estimatedCostUsd/mean").asDouble()).isPositive();
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        assertThat(cli("compare", "--profiles", tmp.resolve("nope").toString(), "--out", out.toString())[0]).isEqualTo(2);
        Path profiles = twoProfiles(tmp);
        assertThat(cli("compare", "--profiles", profiles.toString(), "--workflows", "personas,no-such-workflow", "--out", out.toString())[0]).isEqualTo(2);
        assertThat(cli("compare", "--profiles", profiles.toString(), "--replay", "aws-reference", "--replay-scale", "0", "--out", out.toString())[0]).isEqualTo(2);
        assertThat(cli("compare", "--profiles", profiles.toString(), "--replay", tmp.resolve("missing.yaml").toString(), "--out", out.toString())[0]).isEqualTo(2);
        assertThat(out.resolve("sites")).doesNotExist();
    }
}
