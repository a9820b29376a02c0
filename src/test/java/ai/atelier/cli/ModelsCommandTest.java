package ai.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    @TempDir
    Path tmp;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(AtelierCommand.execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsCatalogPricesAndCredentialPresenceWithoutSecrets() throws Exception {
        Path c = tmp.resolve("c.yaml");
        // PATH is set in every environment: its presence is shown, never its value.
        Files.writeString(c, """
                models:
                  present: {provider: openai, model: gpt-4o-mini, apiKeyEnv: PATH}
                  absent:  {provider: anthropic, model: claude-3-5-haiku-20241022, apiKeyEnv: ATELIER_TEST_SURELY_UNSET_KEY}
                  local:   {provider: ollama, model: "llama3.2:3b"}
                roles: {personalizer: present, frontend-developer: local}
                escalation: {personalizer: [absent]}
                """);
        String out = run("models", "--wide", "--config", c.toString());
        assertThat(out).contains("nova-micro").contains("amazon.nova-micro-v1:0").contains("$0.035 in / $0.140 out per 1M tok")
                .contains("1024x1024/standard $0.040").contains("https://aws.amazon.com/bedrock/pricing/ (2025-06)").contains("128,000");
        assertThat(out).contains("PATH is set").contains("MISSING: set ATELIER_TEST_SURELY_UNSET_KEY").contains("no key needed (local server")
                .contains("personalizer (escalation)").contains("gpt-4o-mini: $0.150 in / $0.600 out").contains("self-hosted");
        assertThat(out).doesNotContain(System.getenv("PATH"));
    }

    @Test
    void namesTheKeyVariableOfEachConfiguredModel() {
        assertThat(run("models", "--config", "examples/config/openai.yaml")).contains("OPENAI_API_KEY");
    }

    @Test
    void theDefaultTablesFitAHundredColumnsAndWideShowsEverything() throws Exception {
        Path c = tmp.resolve("c.yaml");
        Files.writeString(c, """
                models:
                  absent:  {provider: anthropic, model: claude-3-5-haiku-20241022, apiKeyEnv: ATELIER_TEST_SURELY_UNSET_KEY}
                roles: {personalizer: absent, frontend-developer: absent, single-llm: absent}
                """);
        String narrow = run("models", "--config", c.toString());
        assertThat(narrow.lines().filter(l -> !l.startsWith("warning: ")))
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(ModelsCommand.WIDTH));
        assertThat(narrow).contains("nova-micro").contains("$0.035 in / $0.140 out per 1M tok").contains("--wide")
                .contains("credentials: MISSING: set ATELIER_TEST_SURELY_UNSET_KEY");
        String wide = run("models", "--wide", "--config", c.toString());
        assertThat(wide.lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(ModelsCommand.WIDTH);
        assertThat(wide).contains("amazon.nova-micro-v1:0").contains("https://aws.amazon.com/bedrock/pricing/ (2025-06)");
    }
}
