package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.GenerateWithModelsEndToEndTest;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.AtelierConfig.DeveloperMode;
import ai.atelier.model.SchemaCheck;
import ai.atelier.model.SchemaInstances;
import ai.atelier.site.WebsiteSpec;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property: any instance of a core persona's request schema is an answer the persona accepts. For
 * the personalizer, the single-llm baseline and the template-mode developer, hundreds of random
 * instances are made from the schema the request would carry (for this company, and for the
 * developer this spec) and each must pass the schema check, bind to the answer type and pass the
 * persona's own validation: structure valid by construction, so a model under constrained decoding
 * can only fail on content.
 */
class SpecSchemasPropertyTest {
    private static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int RUNS = 300;
    private final Company company = new CompanyLoader().load(Path.of("examples/company"));
    private final SpecValidator validator = new SpecValidator();

    @Test
    void everyInstanceOfThePersonalizersSchemaIsAccepted() throws Exception {
        JsonNode schema = SpecSchemas.personalizer(company).tree();
        SchemaInstances gen = new SchemaInstances(13, 30);
        for (int i = 0; i < RUNS; i++) {
            JsonNode answer = gen.instance(schema);
            assertThat(SchemaCheck.problems(schema, answer)).as(answer.toString()).isEmpty();
            WebsiteSpec spec = SpecIds.settle(JSON.treeToValue(answer, WebsiteSpec.class));
            assertThat(validator.validate(spec, company)).as(answer.toString()).isEmpty();
        }
    }

    @Test
    void everyInstanceOfTheSingleLlmSchemaIsAccepted() throws Exception {
        JsonNode schema = JSON.readTree(new ModelSiteGenerator(null, DeveloperMode.TEMPLATE).schema(company));
        assertThat(schema.path("properties").has("files")).isFalse();
        SchemaInstances gen = new SchemaInstances(14, 30);
        for (int i = 0; i < RUNS; i++) {
            JsonNode answer = gen.instance(schema);
            assertThat(SchemaCheck.problems(schema, answer)).as(answer.toString()).isEmpty();
            SingleSiteAnswer a = JSON.treeToValue(answer, SingleSiteAnswer.class);
            assertThat(validator.validate(SpecIds.settle(a.spec()), company)).as(answer.toString()).isEmpty();
        }
    }

    @Test
    void everyInstanceOfTheDevelopersSchemaKeepsTheSpecsStructure() throws Exception {
        WebsiteSpec given = JSON.readValue(GenerateWithModelsEndToEndTest.spec(), WebsiteSpec.class);
        JsonNode schema = SpecSchemas.developer(given, company).tree();
        SchemaInstances gen = new SchemaInstances(15, 30);
        for (int i = 0; i < RUNS; i++) {
            JsonNode answer = gen.instance(schema);
            assertThat(SchemaCheck.problems(schema, answer)).as(answer.toString()).isEmpty();
            WebsiteSpec refined = JSON.treeToValue(answer, WebsiteSpec.class);
            assertThat(ModelFrontEndDeveloper.sameStructure(given, refined)).isEmpty();
            WebsiteSpec page = ModelFrontEndDeveloper.keepFixed(given, refined);
            assertThat(validator.validate(page, company)).as(answer.toString()).isEmpty();
            assertThat(page.sections().stream().map(WebsiteSpec.Section::id).toList())
                    .isEqualTo(given.sections().stream().map(WebsiteSpec.Section::id).toList());
        }
    }

    @Test
    void theCheckRejectsWhatTheSchemaForbidsInTheFieldsTerms() throws Exception {
        JsonNode schema = SpecSchemas.personalizer(company).tree();
        JsonNode good = JSON.readTree(GenerateWithModelsEndToEndTest.spec());
        assertThat(SchemaCheck.problems(schema, good)).isEmpty();
        var bad = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).putArray("visualElements");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.path("callToAction")).put("href", "https://evil.example/");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).put("extra", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).remove("title");
        List<String> problems = SchemaCheck.problems(schema, bad);
        assertThat(problems).contains("visualElements: has 0 entries; give at least 1", "extra: is not a field of the answer; the fields are "
                + "title, headline, intro, sections, callToAction, disclaimer, visualElements", "title: is missing; give a text");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("callToAction.href: \"https://evil.example/\" is not allowed; use one of"));
        assertThat(String.join("\n", problems)).doesNotContain("ai.atelier", "Jackson", "instance of");
    }
}
