package ai.atelier.model.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON Schema text a persona declares (see {@code ai.atelier.model.RecordSchema}) into
 * LangChain4j's schema builders, so one schema serves OpenAI's json_schema response format, Ollama's
 * format and Anthropic's tool input alike.
 */
final class SchemaElements {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaElements() {}

    static JsonObjectSchema root(String schemaJson) {
        try {
            JsonSchemaElement e = element(JSON.readTree(schemaJson));
            if (e instanceof JsonObjectSchema o) return o;
            throw new IllegalArgumentException("the root of an output schema must be an object");
        } catch (java.io.IOException ex) {
            throw new IllegalArgumentException("output schema is not JSON: " + ex.getMessage(), ex);
        }
    }

    static JsonSchemaElement element(JsonNode n) {
        String description = n.path("description").asText(null);
        if (n.has("enum")) {
            List<String> values = new ArrayList<>();
            n.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        String type = n.path("type").isArray() ? n.path("type").get(0).asText() : n.path("type").asText("string");
        return switch (type) {
            case "object" -> {
                JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
                n.path("properties").fields().forEachRemaining(f -> b.addProperty(f.getKey(), element(f.getValue())));
                List<String> required = new ArrayList<>();
                n.path("required").forEach(r -> required.add(r.asText()));
                if (!required.isEmpty()) b.required(required);
                if (n.has("additionalProperties")) b.additionalProperties(n.get("additionalProperties").asBoolean());
                yield b.build();
            }
            case "array" -> JsonArraySchema.builder().description(description).items(element(n.path("items"))).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            default -> JsonStringSchema.builder().description(description).build();
        };
    }
}
