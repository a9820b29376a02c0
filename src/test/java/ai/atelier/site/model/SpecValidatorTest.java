package ai.atelier.site.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.GenerateWithModelsEndToEndTest;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.site.WebsiteSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Company company = new CompanyLoader().load(Path.of("examples/company"));
    private final SpecValidator validator = new SpecValidator();

    private WebsiteSpec spec(String from, String to) throws Exception {
        return JSON.readValue(GenerateWithModelsEndToEndTest.spec().replace(from, to), WebsiteSpec.class);
    }

    @Test
    void aGoodSpecPasses() throws Exception {
        assertThat(validator.validate(spec("", ""), company)).isEmpty();
    }

    @Test
    void eachProblemIsOneActionableLine() throws Exception {
        assertThat(validator.validate(spec("\"id\":\"challenges\"", "\"id\":\"../Challenges\""), company))
                .anySatisfy(e -> assertThat(e).contains("section id \"../Challenges\" must be 1-40 characters of a-z, 0-9 and -"));
        assertThat(validator.validate(spec("\"visual\":\"pain-1\"", "\"visual\":\"pain-9\""), company))
                .anySatisfy(e -> assertThat(e).contains("names visual \"pain-9\", which is not among visualElements"));
        assertThat(validator.validate(spec("https://www.lanternfold.example", "javascript:alert(1)"), company))
                .anySatisfy(e -> assertThat(e).contains("callToAction href \"javascript:alert(1)\" is not allowed").contains("lanternfold.example"));
        assertThat(validator.validate(spec("not a promise of future outcomes.", "a promise."), company))
                .anySatisfy(e -> assertThat(e).startsWith("disclaimer must contain, word for word"));
        assertThat(validator.validate(spec("Three problems", "Industry-leading answers to three problems"), company))
                .anySatisfy(e -> assertThat(e).contains("banned phrase \"industry-leading\""));
        assertThat(validator.validate(spec("\"id\":\"offerings\"", "\"id\":\"challenges\""), company))
                .anySatisfy(e -> assertThat(e).contains("is used twice"));
        // lengths are the schema's: SchemaCheck names the field and the bound
        JsonNode tooLong = JSON.readTree(GenerateWithModelsEndToEndTest.spec().replace("Fewer surprises on the foundry floor, Priya", "x".repeat(200)));
        assertThat(ai.atelier.model.SchemaCheck.problems(SpecSchemas.personalizer(company).tree(), tooLong))
                .contains("headline: is 200 characters; keep it to 160 or fewer");
    }

    @Test
    void personalizerSchemaComesFromTheRecord() throws Exception {
        JsonNode schema = SpecSchemas.personalizer(company).tree();
        assertThat(schema.path("required").toString()).contains("title", "sections", "callToAction", "visualElements");
        JsonNode section = schema.path("properties").path("sections").path("items");
        assertThat(section.path("properties").path("kind").path("enum").toString()).contains("PAIN_POINTS", "OFFERINGS", "TESTIMONIAL");
        assertThat(section.path("required").toString()).doesNotContain("items").contains("heading");
        assertThat(schema.path("properties").path("visualElements").path("items").path("properties").path("kind").path("enum").toString())
                .contains("HERO", "ICON", "BACKGROUND");
        // the bounds the validator used to check, and the values the context fixes, are in the schema
        assertThat(schema.path("properties").path("sections").path("maxItems").asInt()).isEqualTo(10);
        assertThat(schema.path("properties").path("headline").path("maxLength").asInt()).isEqualTo(160);
        assertThat(section.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").path("callToAction").path("properties").path("href").path("enum").toString())
                .contains("https://www.lanternfold.example").doesNotContain("javascript");
        assertThat(schema.path("properties").path("disclaimer").path("enum").get(0).asText()).isEqualTo(company.policies().requiredDisclaimer());
    }
}
