package ai.atelier.model.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON Schema into a llama.cpp grammar (GBNF), in Java. llama.cpp has its own converter,
 * but it aborts the whole process on any schema it does not understand (a C++ exception thrown
 * through JNI), and llama.cpp silently drops a grammar it cannot parse, so a bad schema would
 * either kill the JVM or quietly let the model write free text. This converter covers the subset
 * Atelier's persona schemas use — objects (properties, required; no extra properties), arrays
 * (items, minItems, maxItems), strings (minLength, maxLength), integers (with minimum and maximum,
 * when the range is small), numbers, booleans, null,
 * enum, const, anyOf/oneOf, type lists and local $ref — and refuses anything structural it does
 * not know with a clear message. Annotations (title, description …) and value constraints it
 * cannot express (pattern, format, wide number ranges …) are ignored: the answer is still JSON of the right
 * shape, and the persona's own validation checks the rest. Optional properties may be left out
 * only at the end of an object (required ones come first), which keeps every output valid.
 */
public final class JsonSchemaGrammar {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPEAT = 10_000;
    private static final Set<String> KNOWN = Set.of("type", "properties", "required", "additionalProperties", "items", "minItems",
            "maxItems", "minLength", "maxLength", "enum", "const", "anyOf", "oneOf", "$ref", "$defs", "definitions", "$schema", "$id",
            "title", "description", "default", "examples", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "nullable", "uniqueItems", "$comment", "readOnly", "writeOnly", "deprecated");

    private final JsonNode root;
    private final Map<String, String> rules = new LinkedHashMap<>(); // name -> body
    private final Map<String, String> byBody = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private int counter;

    private JsonSchemaGrammar(JsonNode root) {
        this.root = root;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, when the text is not a JSON schema this converter supports
     */
    public static String convert(String schema) {
        JsonNode root;
        try {
            root = JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the JSON schema is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the JSON schema must be a JSON object");
        JsonSchemaGrammar g = new JsonSchemaGrammar(root);
        g.rules.put("space", "| \" \" | \"\\n\" [ \\t]{0,20}");
        g.rules.put("char", "[^\"\\\\\\x7F\\x00-\\x1F] | [\\\\] ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})");
        String top = g.value(root, "#");
        StringBuilder sb = new StringBuilder("root ::= ").append(top).append('\n');
        g.rules.forEach((name, body) -> sb.append(name).append(" ::= ").append(body).append('\n'));
        return sb.toString();
    }

    /** A grammar expression (usually a rule name) for a schema node. */
    private String value(JsonNode s, String path) {
        if (s.isBoolean()) {
            if (s.asBoolean()) return any();
            throw new IllegalArgumentException("schema at " + path + " is false: nothing can match it");
        }
        if (!s.isObject()) throw new IllegalArgumentException("schema at " + path + " must be an object");
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) throw new IllegalArgumentException("schema keyword \"" + k + "\" at " + path + " is not supported by the embedded model's grammar converter");
        }
        if (s.has("$ref")) return ref(s.get("$ref").asText(), path);
        if (s.has("const")) return rule(literal(s.get("const")) + " space");
        if (s.has("enum")) {
            List<String> alts = new ArrayList<>();
            s.get("enum").forEach(v -> alts.add(literal(v)));
            if (alts.isEmpty()) throw new IllegalArgumentException("enum at " + path + " is empty");
            return rule("(" + String.join(" | ", alts) + ") space");
        }
        for (String combo : new String[]{"anyOf", "oneOf"}) {
            if (s.has(combo)) {
                List<String> alts = new ArrayList<>();
                int i = 0;
                for (JsonNode alt : s.get(combo)) alts.add(value(alt, path + "/" + combo + "/" + i++));
                if (alts.isEmpty()) throw new IllegalArgumentException(combo + " at " + path + " is empty");
                return rule(String.join(" | ", alts));
            }
        }
        JsonNode type = s.get("type");
        if (type == null) return s.has("properties") ? object(s, path) : s.has("items") ? array(s, path) : any();
        if (type.isArray()) {
            List<String> alts = new ArrayList<>();
            for (JsonNode t : type) alts.add(typed(t.asText(), s, path));
            if (s.path("nullable").asBoolean(false)) alts.add(rule("\"null\" space"));
            return rule(String.join(" | ", alts));
        }
        String one = typed(type.asText(), s, path);
        return s.path("nullable").asBoolean(false) ? rule(one + " | \"null\" space") : one;
    }

    private String typed(String type, JsonNode s, String path) {
        return switch (type) {
            case "object" -> object(s, path);
            case "array" -> array(s, path);
            case "string" -> string(s, path);
            case "integer" -> integer(s);
            case "number" -> rule("\"-\"? ([0-9] | [1-9] [0-9]{0,15}) (\".\" [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})? space");
            case "boolean" -> rule("(\"true\" | \"false\") space");
            case "null" -> rule("\"null\" space");
            default -> throw new IllegalArgumentException("type \"" + type + "\" at " + path + " is not a JSON Schema type");
        };
    }

    private String object(JsonNode s, String path) {
        JsonNode props = s.path("properties");
        Set<String> required = new java.util.LinkedHashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> req = new ArrayList<>();
        List<String> opt = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String kv = rule(literal(JSON.getNodeFactory().textNode(e.getKey())) + " space \":\" space "
                    + value(e.getValue(), path + "/properties/" + e.getKey()));
            (required.contains(e.getKey()) ? req : opt).add(kv);
        }
        for (String r : required) {
            if (!props.has(r)) throw new IllegalArgumentException("property \"" + r + "\" at " + path + " is required but not defined under properties");
        }
        StringBuilder body = new StringBuilder("\"{\" space ");
        if (!req.isEmpty()) {
            body.append(String.join(" \",\" space ", req));
            for (String o : opt) body.append(" (\",\" space ").append(o).append(")?");
        } else if (!opt.isEmpty()) {
            StringBuilder tail = new StringBuilder();
            for (int i = opt.size() - 1; i >= 1; i--) tail.insert(0, " (\",\" space " + opt.get(i)).append(")?");
            body.append("(").append(opt.get(0)).append(tail).append(")?");
        }
        body.append(" \"}\" space");
        return rule(body.toString());
    }

    /** A whole number; with both minimum and maximum set and at most 256 values apart, exactly the numbers in that range. */
    private String integer(JsonNode s) {
        if (s.path("minimum").canConvertToLong() && s.path("maximum").canConvertToLong()) {
            long min = s.get("minimum").asLong(), max = s.get("maximum").asLong();
            if (max >= min && max - min <= 256) {
                List<String> alts = new ArrayList<>();
                for (long v = max; v >= min; v--) alts.add("\"" + v + "\""); // longest first, so "10" is not cut to "1"
                return rule("(" + String.join(" | ", alts) + ") space");
            }
        }
        return rule("\"-\"? ([0-9] | [1-9] [0-9]{0,15}) space");
    }

    private String array(JsonNode s, String path) {
        String item = s.has("items") ? value(s.get("items"), path + "/items") : any();
        int min = bound(s, "minItems", 0, path);
        int max = s.has("maxItems") ? bound(s, "maxItems", 0, path) : -1;
        if (max >= 0 && max < min) throw new IllegalArgumentException("maxItems < minItems at " + path);
        if (max == 0) return rule("\"[\" space \"]\" space");
        String more = "(\",\" space " + item + ")";
        String rest = max < 0 ? more + (min > 1 ? "{" + (min - 1) + ",}" : "*") : more + "{" + Math.max(0, min - 1) + "," + (max - 1) + "}";
        String list = item + " " + rest;
        return rule("\"[\" space " + (min == 0 ? "(" + list + ")?" : list) + " \"]\" space");
    }

    private String string(JsonNode s, String path) {
        int min = bound(s, "minLength", 0, path);
        int max = s.has("maxLength") ? bound(s, "maxLength", 0, path) : -1;
        if (max >= 0 && max < min) throw new IllegalArgumentException("maxLength < minLength at " + path);
        String chars = min == 0 && max < 0 ? "char*" : "char{" + min + "," + (max < 0 ? "" : max) + "}";
        return rule("\"\\\"\" " + chars + " \"\\\"\" space");
    }

    /** Any JSON value (for "items": true, untyped nodes). */
    private String any() {
        if (!rules.containsKey("value")) {
            rules.put("value", "object | array | string | number | (\"true\" | \"false\" | \"null\") space");
            rules.put("object", "\"{\" space (string \":\" space value (\",\" space string \":\" space value)*)? \"}\" space");
            rules.put("array", "\"[\" space (value (\",\" space value)*)? \"]\" space");
            rules.put("string", "\"\\\"\" char* \"\\\"\" space");
            rules.put("number", "\"-\"? ([0-9] | [1-9] [0-9]{0,15}) (\".\" [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})? space");
        }
        return "value";
    }

    private String ref(String ref, String path) {
        String known = refs.get(ref);
        if (known != null) return known;
        if (!ref.startsWith("#")) throw new IllegalArgumentException("$ref \"" + ref + "\" at " + path + " is not local; only #/... references are supported");
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) throw new IllegalArgumentException("$ref \"" + ref + "\" at " + path + " points nowhere");
        String name = "ref" + (++counter);
        refs.put(ref, name);
        rules.put(name, ""); // reserve the name first: a schema may refer to itself
        rules.put(name, value(target, ref));
        return name;
    }

    private int bound(JsonNode s, String key, int dflt, String path) {
        if (!s.has(key)) return dflt;
        JsonNode v = s.get(key);
        if (!v.canConvertToInt() || v.asInt() < 0 || v.asInt() > MAX_REPEAT) {
            throw new IllegalArgumentException(key + " at " + path + " must be a whole number from 0 to " + MAX_REPEAT);
        }
        return v.asInt();
    }

    /** A named rule for a body, reusing an identical one. */
    private String rule(String body) {
        String existing = byBody.get(body);
        if (existing != null) return existing;
        String name = "r" + (++counter);
        rules.put(name, body);
        byBody.put(body, name);
        return name;
    }

    /** A GBNF literal matching exactly the JSON text of a value. */
    static String literal(JsonNode v) {
        String json = v.toString();
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
