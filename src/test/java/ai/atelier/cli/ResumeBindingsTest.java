package ai.atelier.cli;

import static ai.atelier.cli.GenerateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json records the bindings (config path, content hash, model per role); {@code generate
 * --resume DIR} uses them, and refuses with one line when the config given now (or its absence)
 * differs, unless {@code --rebind}. Before the fix a resume without --config silently ran every
 * remaining step on the built-in engine.
 */
class ResumeBindingsTest {
    @Test
    void aResumeUsesTheRecordedConfigOrRefusesWhenItDiffers(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("atelier-test.yaml");
        Files.writeString(config, "# binds nothing: every role on the built-in engine\n{}\n");
        Path site = tmp.resolve("site");
        GenerateCommandTest.Run made = run(null, "generate", "--profile", "examples/profiles/retail-sophie-laurent.json", "--out", site.toString(),
                "--config", config.toString(), "--no-browser");
        assertThat(made.exit()).as(made.err()).isIn(0, 1);
        JsonNode bindings = new ObjectMapper().readTree(Files.readString(site.resolve("run.json"))).path("bindings");
        assertThat(bindings.path("configPath").asText()).isEqualTo(config.toAbsolutePath().normalize().toString());
        assertThat(bindings.path("configSha256").asText()).hasSize(64);
        assertThat(bindings.path("models").path("personalizer").asText()).isEqualTo("builtin");

        // no --config: the recorded one is used
        GenerateCommandTest.Run same = run(null, "generate", "--resume", site.toString(), "--no-browser");
        assertThat(same.exit()).as(same.err()).isIn(0, 1);

        // another config now: refused, naming both
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, "# another\n{}\n");
        GenerateCommandTest.Run refused = run(null, "generate", "--resume", site.toString(), "--config", other.toString(), "--no-browser");
        assertThat(refused.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("this run was bound to " + config.toAbsolutePath().normalize()).contains("--rebind")
                .doesNotContain("Exception");

        // the recorded config changed since: refused too
        Files.writeString(config, "# edited\n{}\n");
        GenerateCommandTest.Run changed = run(null, "generate", "--resume", site.toString(), "--no-browser");
        assertThat(changed.exit()).isEqualTo(AtelierCommand.EXIT_BAD_INPUT);
        assertThat(changed.err()).contains("which has changed since");

        // told to: resumed on the new bindings, and run.json says so
        GenerateCommandTest.Run rebound = run(null, "generate", "--resume", site.toString(), "--config", other.toString(), "--rebind", "--no-browser");
        assertThat(rebound.exit()).as(rebound.err()).isIn(0, 1);
        assertThat(new ObjectMapper().readTree(Files.readString(site.resolve("run.json"))).path("bindings").path("configPath").asText())
                .isEqualTo(other.toAbsolutePath().normalize().toString());
    }
}
