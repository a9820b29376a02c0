package ai.atelier.model.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.ChatRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java schema-to-grammar converter. Shapes are checked by generating with the tiny model: an
 * ineffective grammar would let its random weights write non-JSON gibberish, so a parse plus a
 * shape check shows the grammar was applied and correct.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonSchemaGrammarTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private EmbeddedModels models;
    private EmbeddedLlamaClient client;

    @BeforeAll
    void load() {
        models = new EmbeddedModels();
        client = models.client("tiny", TinyModel.settings());
    }

    @AfterAll
    void unload() {
        if (models != null) models.close();
    }

    private JsonNode generate(String schema) throws Exception {
        String text = client.chat(new ChatRequest("test", "grammar", "Answer in JSON.", "Go.", schema, 800, Duration.ofSeconds(60))).text();
        return JSON.readTree(text);
    }

    @Test
    void requiredThenOptionalPropertiesInOrder() throws Exception {
        JsonNode n = generate("""
                {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"},"c":{"type":"boolean"}},"required":["b"]}""");
        assertThat(n.has("b")).isTrue();
        assertThat(n.get("b").isIntegralNumber()).isTrue();
        if (n.has("a")) assertThat(n.get("a").isTextual()).isTrue();
        if (n.has("c")) assertThat(n.get("c").isBoolean()).isTrue();
    }

    @Test
    void enumsConstsNumbersAndNull() throws Exception {
        JsonNode n = generate("""
                {"type":"object","properties":{"kind":{"enum":["HERO","ICON"]},"v":{"const":"x\\"y"},"n":{"type":"number"},
                 "maybe":{"type":["string","null"]}},"required":["kind","v","n","maybe"],"additionalProperties":false}""");
        assertThat(n.get("kind").asText()).isIn("HERO", "ICON");
        assertThat(n.get("v").asText()).isEqualTo("x\"y");
        assertThat(n.get("n").isNumber()).isTrue();
        assertThat(n.get("maybe").isTextual() || n.get("maybe").isNull()).isTrue();
    }

    @Test
    void arrayBoundsAndStringLengths() throws Exception {
        JsonNode n = generate("""
                {"type":"array","items":{"type":"string","minLength":2,"maxLength":5},"minItems":2,"maxItems":3}""");
        assertThat(n.size()).isBetween(2, 3);
        n.forEach(s -> assertThat(s.asText().length()).isBetween(1, 5)); // chars are JSON characters: an escape counts as one
    }

    @Test
    void localRefsAndAnyOf() throws Exception {
        JsonNode n = generate("""
                {"$defs":{"pt":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}},
                 "type":"object","properties":{"p":{"$ref":"#/$defs/pt"},"q":{"anyOf":[{"type":"integer"},{"$ref":"#/$defs/pt"}]}},
                 "required":["p","q"]}""");
        assertThat(n.get("p").get("x").isIntegralNumber()).isTrue();
        assertThat(n.get("q").isIntegralNumber() || n.get("q").has("x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "{\"type\":\"frobnicate\"}", "{\"$ref\":\"http://example.com/s.json\"}",
            "{\"$ref\":\"#/nowhere\"}", "{\"type\":\"object\",\"patternProperties\":{}}", "{\"enum\":[]}",
            "{\"type\":\"object\",\"required\":[\"a\"]}", "{\"type\":\"array\",\"minItems\":5,\"maxItems\":2}"})
    void unsupportedSchemasAreClearErrorsNotCrashes(String schema) {
        assertThatThrownBy(() -> JsonSchemaGrammar.convert(schema)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
        assertThatThrownBy(() -> client.chat(new ChatRequest("test", "bad", "s", "u", schema, 10, Duration.ofSeconds(10))))
                .isInstanceOfSatisfying(LlamaCallException.class, e -> assertThat(e.reason()).isEqualTo(LlamaCallException.Reason.BAD_SCHEMA));
    }

    @Test
    void literalsEscapeQuotesAndBackslashes() {
        assertThat(JsonSchemaGrammar.literal(JSON.getNodeFactory().textNode("a\"b\\c"))).isEqualTo("\"\\\"a\\\\\\\"b\\\\\\\\c\\\"\"");
    }

    @Test
    void smallIntegerRangesAndNullableEnumsAreExact() {
        String g = JsonSchemaGrammar.convert("{\"type\":\"object\",\"properties\":{\"score\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5},"
                + "\"pick\":{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",null]}},\"required\":[\"score\",\"pick\"],\"additionalProperties\":false}");
        assertThat(g).contains("(\"5\" | \"4\" | \"3\" | \"2\" | \"1\") space").contains("(\"\\\"a\\\"\" | \"null\") space");
        assertThat(JsonSchemaGrammar.convert("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":0}}}"))
                .contains("[1-9] [0-9]{0,15}"); // a one-sided bound is left to SchemaCheck
    }
}
