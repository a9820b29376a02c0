package ai.atelier.cli;

import static ai.atelier.cli.GenerateWithModelsEndToEndTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fine-grained run on models that fails at its last model step (the provider refuses the
 * reviewer's request), then {@code atelier generate --resume}: every step that finished in the
 * first session is restored from the site folder, so the server sees no second request from any
 * of them (nothing is paid twice); only the reviewer and QA run again. Counted at the wire, on a
 * local server speaking the OpenAI Chat Completions and Images formats.
 */
class FineGrainedResumeWithModelsTest {
    @TempDir
    Path tmp;
    MockWebServer server;
    PersonaModelServer models;
    FineGrainedWithModelsEndToEndTest setup;

    @BeforeEach
    void start() throws Exception {
        models = new PersonaModelServer();
        server = new MockWebServer();
        server.setDispatcher(models);
        server.start();
        setup = new FineGrainedWithModelsEndToEndTest();
        setup.tmp = tmp;
        setup.server = server;
        setup.models = models;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aResumeAfterALateFailureDoesNotAskTheModelsForFinishedStepsAgain() throws Exception {
        Path config = setup.config();
        Path out = tmp.resolve("site");
        models.refuse("reviewer");
        int first = AtelierCommand.execute("generate", "--profile", "examples/profiles/manufacturing-priya-raman.json", "--company",
                "examples/company", "--workflow", "fine-grained", "--config", config.toString(), "--out", out.toString(), "--no-browser");
        JsonNode failed = PersonaModelServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(first).as(failed.toPrettyString()).isEqualTo(AtelierCommand.EXIT_SITE_FAILED);
        assertThat(failed.path("failedStep").asText()).isEqualTo("reviewer");
        List<String> finished = List.of("pain-points", "offerings", "copy-pain-points", "copy-offerings", "copy-hero", "art-director", "artist", "layout");
        for (String id : finished) assertThat(step(failed, id).path("status").asText()).as(id).isEqualTo("ok");
        Map<String, Integer> afterFirst = new HashMap<>(models.requests);
        int imagesAfterFirst = models.imagesServed();
        assertThat(afterFirst).containsEntry("pain-point-analyst", 1).containsEntry("art-director", 1).containsEntry("developer", 1);
        assertThat(afterFirst.get("reviewer")).isPositive();
        assertThat(imagesAfterFirst).isPositive();

        models.accept("reviewer");
        int second = AtelierCommand.execute("generate", "--resume", out.toString(), "--config", config.toString(), "--no-browser");
        JsonNode resumed = PersonaModelServer.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(models.failures).as("the mock server could not answer").isEmpty();
        assertThat(second).as(resumed.toPrettyString()).isZero();
        assertThat(resumed.path("sessions").asInt()).isEqualTo(2);

        // not one more request for a finished step: only the reviewer asked again, once
        Map<String, Integer> added = new HashMap<>();
        models.requests.forEach((persona, n) -> {
            int more = n - afterFirst.getOrDefault(persona, 0);
            if (more != 0) added.put(persona, more);
        });
        assertThat(added).containsExactly(Map.entry("reviewer", 1));
        assertThat(models.imagesServed()).as("no image drawn again").isEqualTo(imagesAfterFirst);

        // the kept steps are the first session's spans, costs included; the refused attempt stays as an earlier attempt
        for (String id : finished) {
            assertThat(step(resumed, id).path("startMs").asLong()).as(id).isEqualTo(step(failed, id).path("startMs").asLong());
            assertThat(step(resumed, id).path("costUsd").asDouble()).as(id).isCloseTo(step(failed, id).path("costUsd").asDouble(), within(1e-12));
        }
        assertThat(step(resumed, "reviewer").path("status").asText()).isEqualTo("ok");
        List<String> earlier = new java.util.ArrayList<>();
        resumed.path("earlierAttempts").forEach(a -> earlier.add(a.path("id").asText() + ":" + a.path("status").asText()));
        assertThat(earlier).containsExactly("reviewer:failed");
    }
}
