package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.model.llama.JsonSchemaGrammar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every schema a model-backed persona sends must become a grammar for in-process models: the
 * converter refuses what it cannot express, and a refusal here would fail that persona on every
 * embedded model at run time.
 */
class PersonaSchemasAsGrammarsTest {
    @ParameterizedTest
    @ValueSource(strings = {"spec", "code", "single"})
    void everyPersonaSchemaConvertsToAGrammar(String which) {
        String schema = switch (which) {
            case "spec" -> ModelPersonalizer.SCHEMA;
            case "code" -> ModelFrontEndDeveloper.CODE_SCHEMA;
            default -> ModelSiteGenerator.SCHEMA;
        };
        String grammar = JsonSchemaGrammar.convert(schema);
        assertThat(grammar).contains("root ::=");
    }
}
