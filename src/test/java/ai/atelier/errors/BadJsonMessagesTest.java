package ai.atelier.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.AtelierException;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.JsonErrors;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.ProfileReader;
import ai.atelier.workflow.WorkflowLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad JSON and YAML, as a user (or a model) writes it, into every reader of untrusted structured
 * text: the one-line message names where (file, field or line and column), says what was expected
 * in the reader's words, and carries none of the parser's or Java's internals.
 */
class BadJsonMessagesTest {
    /** What a user must never read: class and package names, parser jargon, token codes. */
    static final Pattern INTERNALS = Pattern.compile("(?i)ai\\.atelier\\.|com\\.fasterxml|java\\.|jackson|snakeyaml|cannot construct|"
            + "cannot deserialize|instance of|unrecognized token|\\(code \\d+\\)|\\[source:|mismatched|exception|coll is null|START_OBJECT|"
            + "VALUE_STRING|in 'reader'|reference chain|end-of-input|marker|because \"|Cannot invoke|null pointer");

    @TempDir
    static Path tmp;

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("a trailing comma", "{\"name\": \"Ana\", \"industry\": \"retail\",}", "line 1"),
                Arguments.of("cut off", "{\"name\": \"Ana\", \"industry\": \"ret", "ends"),
                Arguments.of("YAML instead of JSON", "name: Ana\nindustry: retail\n", "line 1"),
                Arguments.of("an unquoted key", "{name: \"Ana\"}", "double quotes"),
                Arguments.of("a missing comma", "{\"name\": \"Ana\" \"industry\": \"retail\"}", "comma"),
                Arguments.of("single quotes", "{'name': 'Ana'}", "double quotes"),
                Arguments.of("a list", "[\"Ana\"]", "JSON object"),
                Arguments.of("interests as text", "{\"name\": \"Ana\", \"industry\": \"retail\", \"interests\": \"shelves\"}", "interests"));
    }

    @ParameterizedTest(name = "profile with {0}")
    @MethodSource("profiles")
    void aBadProfileIsRefusedInTheUsersWords(String what, String json, String says) {
        assertThatThrownBy(() -> new ProfileReader().parse(json)).isInstanceOf(AtelierException.class)
                .satisfies(e -> plain(e.getMessage(), says));
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("a tab for indentation", "models:\n\tsmall: {provider: openai, model: gpt-4o-mini}\n", "tab"),
                Arguments.of("a colon in a plain value", "models:\n  small: {provider: openai, model: gpt-4o-mini}\nroles:\n  personalizer: small: large\n", "line 4"),
                Arguments.of("an unclosed quote", "models:\n  small: {provider: \"openai, model: gpt-4o-mini}\n", "line"),
                Arguments.of("a price that is not a number",
                        "models:\n  m: {provider: openai, model: mine}\nroles:\n  personalizer: m\ncatalog:\n  - {name: mine, provider: openai, input: cheap, output: 0.4}\n",
                        "input"));
    }

    @ParameterizedTest(name = "config with {0}")
    @MethodSource("configs")
    void aBadConfigIsRefusedInTheUsersWords(String what, String yaml, String says) throws Exception {
        Path f = Files.writeString(Files.createTempFile(tmp, "config", ".yaml"), yaml);
        assertThatThrownBy(() -> new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).load(f)).isInstanceOf(AtelierException.class)
                .satisfies(e -> plain(e.getMessage(), says));
    }

    static Stream<Arguments> workflows() {
        return Stream.of(
                Arguments.of("steps as a mapping", "name: w\nsteps:\n  a: {persona: personalizer}\n", "list of steps"),
                Arguments.of("broken indentation", "name: w\nsteps:\n  - id: a\n   persona: personalizer\n", "line"),
                Arguments.of("after naming an unknown step", "name: w\nsteps:\n  - {id: a, persona: personalizer, after: nobody}\n", "nobody"),
                Arguments.of("after as a number", "name: w\nsteps:\n  - {id: a, persona: personalizer, after: 5}\n", "after"));
    }

    @ParameterizedTest(name = "workflow with {0}")
    @MethodSource("workflows")
    void aBadWorkflowIsRefusedInTheUsersWords(String what, String yaml, String says) throws Exception {
        Path f = Files.writeString(Files.createTempFile(tmp, "workflow", ".yaml"), yaml);
        assertThatThrownBy(() -> new WorkflowLoader(ai.atelier.workflow.steps.StandardSteps.all()).load(f.toString())).isInstanceOf(AtelierException.class)
                .satisfies(e -> plain(e.getMessage(), says));
    }

    static Stream<Arguments> companyFiles() {
        return Stream.of(
                Arguments.of("offerings.yaml", "- id: a\n  name: A\n summary: broken indentation\n", "offerings.yaml"),
                Arguments.of("offerings.yaml", "- {id: a, name: A, summary: s, industries: {retail: yes}, benefits: [b]}\n", "industries"),
                Arguments.of("policies.yaml", "bannedPhrases: [\"x\"\nrequiredDisclaimer: y\n", "policies.yaml"),
                Arguments.of("company.yaml", "name: Co\nbrand: blue\n", "brand"));
    }

    @ParameterizedTest(name = "company folder with a bad {0}")
    @MethodSource("companyFiles")
    void aBadCompanyFileIsRefusedInTheUsersWords(String file, String text, String says) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "company");
        copy(Path.of("examples/company"), dir);
        Files.writeString(dir.resolve(file), text);
        assertThatThrownBy(() -> new CompanyLoader().load(dir)).isInstanceOf(AtelierException.class)
                .satisfies(e -> plain(e.getMessage(), says));
    }

    record Answer(String title, java.util.List<Item> items) {}

    record Item(String name, int count) {}

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("{\"title\": \"t\", \"items\": \"none\"}", "items"),
                Arguments.of("{\"title\": \"t\", \"items\": [{\"name\": \"n\", \"count\": \"many\"}]}", "items[0].count"),
                Arguments.of("{\"title\": [\"t\"]}", "title"),
                Arguments.of("{\"title\": \"t\",", "line 1"));
    }

    @ParameterizedTest(name = "model answer {0}")
    @MethodSource("answers")
    void aModelAnswerOfTheWrongShapeIsDescribedByItsField(String json, String says) {
        ObjectMapper m = new ObjectMapper();
        try {
            m.treeToValue(m.readTree(json), Answer.class);
            throw new AssertionError("expected " + json + " to be refused");
        } catch (Exception e) {
            plain(JsonErrors.describe(e), says);
        }
    }

    static void plain(String message, String says) {
        assertThat(message).as("the message names where and what").contains(says);
        assertThat(INTERNALS.matcher(message).find()).as("internals in: " + message).isFalse();
        assertThat(message).as("one line").doesNotContain("\n");
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
