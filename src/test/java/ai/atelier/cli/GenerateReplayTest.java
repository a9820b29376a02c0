package ai.atelier.cli;

import static ai.atelier.cli.GenerateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.GenerateCommandTest.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier generate --replay}: one site on the latency-replay SIMULATION, labelled as one in the summary and the report. */
class GenerateReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReplayedSiteIsLabelledASimulationAndPacedByTheProfile(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("replay.yaml");
        Files.writeString(profile, """
                name: test-replay
                source: a test profile
                roles:
                  pain-point-analyst: {medianSeconds: 30, inputTokens: 1500, outputTokens: 80}
                  default: {medianSeconds: 10}
                """);
        // a config binding a role to a server that does not exist: the replay must not call it
        Path config = tmp.resolve("atelier.yaml");
        Files.writeString(config, """
                models:
                  small: {provider: openai, model: gpt-4o-mini, baseUrl: "http://127.0.0.1:9/v1", catalog: gpt-4o-mini, maxRetries: 0}
                roles:
                  pain-point-analyst: small
                  copywriter-hero: small
                """);
        Path dir = tmp.resolve("site");
        Run r = run(dir, "generate", "--profile", "examples/profiles/healthcare-liam-nguyen.json", "--workflow", "fine-grained",
                "--config", config.toString(), "--replay", profile.toString(), "--replay-scale", "0.01", "--out", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("SIMULATION: latency replay of profile \"test-replay\" (a test profile) at time scale 0.01");

        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("simulation").asText()).startsWith("SIMULATION").contains("time scale 0.01");
        assertThat(report.path("totals").path("modelSteps").asInt()).isEqualTo(9);
        assertThat(report.path("totals").path("costUsd").asDouble()).isZero();
        // priced as an estimate on the models the config binds, from the replayed token counts: 1500 × $0.15 + 80 × $0.60 per 1M
        assertThat(GenerateWithModelsEndToEndTest.step(report, "pain-points").path("estimatedCostUsd").asDouble()).isEqualTo(0.000273);
        // roles the config leaves unbound have no price, so the site's estimate is unknown rather than too low
        assertThat(report.path("totals").path("estimatedCostUsd").isNull()).isTrue();
        for (JsonNode step : report.path("steps")) {
            for (JsonNode call : step.path("calls")) {
                assertThat(call.path("provider").asText()).isEqualTo("replay");
                boolean analyst = step.path("role").asText().equals("pain-point-analyst");
                assertThat(call.path("durationMs").asLong()).as(step.path("id").asText()).isGreaterThanOrEqualTo(analyst ? 300 : 100);
                if (analyst) assertThat(call.at("/usage/inputTokens").asLong()).isEqualTo(1500);
            }
        }
        assertThat(report.path("quality").path("passed").asBoolean()).isTrue();
    }

    @Test
    void replayOptionsAreCheckedBeforeAnythingRuns(@TempDir Path tmp) {
        Path dir = tmp.resolve("site");
        Run zero = run(dir, "generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--replay", "aws-reference",
                "--replay-scale", "0", "--out", dir.toString());
        assertThat(zero.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(zero.err()).contains("--replay-scale must be above 0");
        Run resume = run(dir, "generate", "--resume", tmp.toString(), "--replay", "aws-reference");
        assertThat(resume.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(resume.err()).contains("drop it to resume");
        assertThat(dir).doesNotExist();
    }
}
