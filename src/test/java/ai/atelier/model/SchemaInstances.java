package ai.atelier.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random instances of a JSON schema, for property-based tests: every value it makes conforms to
 * the schema (types, required and optional fields, enums, const, array and string bounds, integer
 * ranges, nullable type lists, anyOf), and otherwise is as arbitrary as a model with random weights
 * under constrained decoding: strings of random letters, digits, spaces and punctuation, lengths
 * anywhere in their bounds (often at the edges), optional fields present or not. Test code only.
 */
public final class SchemaInstances {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,;:!?-'()/éüß中";
    private final Random random;
    private final int longest;

    /** @param longest the longest string to make when a schema sets no maxLength (and the cap on unbounded lists is 5) */
    public SchemaInstances(long seed, int longest) {
        this.random = new Random(seed);
        this.longest = longest;
    }

    public JsonNode instance(String schema) {
        try {
            return instance(JSON.readTree(schema));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public JsonNode instance(JsonNode s) {
        if (s.has("const")) return s.get("const");
        if (s.has("enum")) return s.get("enum").get(random.nextInt(s.get("enum").size()));
        if (s.has("anyOf")) return instance(s.get("anyOf").get(random.nextInt(s.get("anyOf").size())));
        JsonNode t = s.get("type");
        String type;
        if (t != null && t.isArray()) {
            List<String> types = new ArrayList<>();
            t.forEach(x -> types.add(x.asText()));
            type = types.get(random.nextInt(types.size()));
        } else {
            type = t == null ? "string" : t.asText();
        }
        return switch (type) {
            case "object" -> object(s);
            case "array" -> array(s);
            case "integer" -> {
                long min = s.has("minimum") ? s.get("minimum").asLong() : -1000, max = s.has("maximum") ? s.get("maximum").asLong() : 1000;
                yield F.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number" -> F.numberNode(random.nextDouble() * 100);
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "null" -> F.nullNode();
            default -> F.textNode(string(s));
        };
    }

    private ObjectNode object(JsonNode s) {
        ObjectNode o = F.objectNode();
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        s.path("properties").fields().forEachRemaining(f -> {
            if (required.contains(f.getKey()) || random.nextBoolean()) o.set(f.getKey(), instance(f.getValue()));
        });
        return o;
    }

    private ArrayNode array(JsonNode s) {
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 5;
        ArrayNode a = F.arrayNode();
        int n = edge(min, max);
        for (int i = 0; i < n; i++) a.add(instance(s.path("items")));
        return a;
    }

    private String string(JsonNode s) {
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Math.max(min, longest);
        int n = edge(min, max);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(CHARS.charAt(random.nextInt(CHARS.length())));
        return b.toString();
    }

    /** A count in [min, max], at one of the edges a third of the time each. */
    private int edge(int min, int max) {
        return switch (random.nextInt(3)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }
}
