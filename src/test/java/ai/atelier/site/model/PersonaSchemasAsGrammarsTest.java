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
    @ValueSource(strings = {"spec", "code", "single", "single-code", "developer"})
    void everyPersonaSchemaConvertsToAGrammar(String which) throws Exception {
        var company = new ai.atelier.knowledge.CompanyLoader().load(java.nio.file.Path.of("examples/company"));
        String schema = switch (which) {
            case "spec" -> SpecSchemas.personalizer(company).json();
            case "code" -> ModelFrontEndDeveloper.CODE_SCHEMA;
            case "single-code" -> new ModelSiteGenerator(null, ai.atelier.model.AtelierConfig.DeveloperMode.CODE).schema(company);
            case "developer" -> SpecSchemas.developer(new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    ai.atelier.cli.GenerateWithModelsEndToEndTest.spec(), ai.atelier.site.WebsiteSpec.class), company).json();
            default -> new ModelSiteGenerator(null, ai.atelier.model.AtelierConfig.DeveloperMode.TEMPLATE).schema(company);
        };
        String grammar = JsonSchemaGrammar.convert(schema);
        assertThat(grammar).contains("root ::=");
    }
}
