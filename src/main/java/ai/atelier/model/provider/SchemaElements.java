package ai.atelier.model.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands the JSON Schema a persona declares (see {@code ai.atelier.model.RecordSchema}) to
 * LangChain4j without losing any of it. LangChain4j's schema builders have no minItems/maxItems,
 * minLength/maxLength or minimum/maximum, so building the schema with them would silently drop
 * every bound on the way to the wire; instead the root object's properties are passed as raw
 * schema text ({@link JsonRawSchema}), which every provider module copies into its request as
 * given (OpenAI's json_schema response format, Ollama's format, Anthropic's and Bedrock's tool
 * input). {@link #strict} rewrites a schema into the subset OpenAI's strict mode accepts.
 */
final class SchemaElements {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords OpenAI's strict mode refuses on api.openai.com; other OpenAI-compatible servers (vLLM, llama.cpp) take them. */
    private static final Set<String> NOT_IN_OPENAI_STRICT = Set.of("minLength", "maxLength");

    private SchemaElements() {}

    static JsonObjectSchema root(String schemaJson) {
        JsonNode n = read(schemaJson);
        if (!"object".equals(n.path("type").asText()) || !n.has("properties")) {
            throw new IllegalArgumentException("the root of an output schema must be an object with properties");
        }
        JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(n.path("description").asText(null));
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            b.addProperty(f.getKey(), JsonRawSchema.from(f.getValue().toString()));
        }
        List<String> required = new ArrayList<>();
        n.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) b.required(required);
        b.additionalProperties(!n.has("additionalProperties") || n.get("additionalProperties").asBoolean());
        return b.build();
    }

    /**
     * The schema in OpenAI's strict subset: every object lists all its properties as required and
     * allows no others; a property that was optional becomes nullable instead (its type gains
     * "null", its enum gains null), so a model that leaves it out writes null. With
     * {@code officialOpenAi}, the string-length keywords strict mode refuses are left out (the
     * answer's {@code SchemaCheck} still holds it to them).
     */
    static String strict(String schemaJson, boolean officialOpenAi) {
        JsonNode n = read(schemaJson).deepCopy();
        strict(n, officialOpenAi);
        return n.toString();
    }

    private static void strict(JsonNode n, boolean officialOpenAi) {
        if (!(n instanceof ObjectNode o)) return;
        if (officialOpenAi) NOT_IN_OPENAI_STRICT.forEach(o::remove);
        if (o.has("items")) strict(o.get("items"), officialOpenAi);
        if (o.has("anyOf")) o.get("anyOf").forEach(alt -> strict(alt, officialOpenAi));
        if (o.has("properties")) {
            Set<String> required = new java.util.HashSet<>();
            o.path("required").forEach(r -> required.add(r.asText()));
            ArrayNode all = JSON.createArrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                strict(f.getValue(), officialOpenAi);
                if (!required.contains(f.getKey())) nullable((ObjectNode) f.getValue());
                all.add(f.getKey());
            }
            o.set("required", all);
            o.put("additionalProperties", false);
        }
    }

    private static void nullable(ObjectNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) s.set("type", JSON.createArrayNode().add(t.asText()).add("null"));
        else if (t != null && t.isArray() && !t.toString().contains("\"null\"")) ((ArrayNode) t).add("null");
        if (s.has("enum")) {
            boolean hasNull = false;
            for (JsonNode e : s.get("enum")) hasNull |= e.isNull();
            if (!hasNull) ((ArrayNode) s.get("enum")).addNull();
        }
    }

    private static JsonNode read(String schemaJson) {
        try {
            return JSON.readTree(schemaJson);
        } catch (java.io.IOException ex) {
            throw new IllegalArgumentException("output schema is not JSON: " + ex.getMessage(), ex);
        }
    }
}
