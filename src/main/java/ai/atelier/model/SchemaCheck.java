package ai.atelier.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a model's answer to the JSON schema it was given, before it is bound to a record: the
 * subset of JSON Schema Atelier's answer schemas use (type and type lists, properties, required,
 * additionalProperties, items, minItems/maxItems, minLength/maxLength, enum, const,
 * minimum/maximum, anyOf). A provider with constrained decoding already made the answer fit; this
 * check is what makes the same guarantee for servers that only read the schema as a hint (prompt
 * mode, tool input that is not enforced). Each problem names the field by its path in the answer
 * ({@code sections[2].heading}), what was expected and what came, so a repair round, and a person
 * reading the report, can act on it; no parser or Java type appears in a message.
 */
public final class SchemaCheck {
    private static final int MAX_PROBLEMS = 20;

    private SchemaCheck() {}

    /** The answer's problems against the schema (empty when it conforms). */
    public static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out.size() > MAX_PROBLEMS ? out.subList(0, MAX_PROBLEMS) : out;
    }

    private static void check(JsonNode s, JsonNode v, String path, List<String> out) {
        if (out.size() > MAX_PROBLEMS || s == null || !s.isObject()) return;
        String at = path.isEmpty() ? "the answer" : path;
        if (s.has("anyOf")) {
            for (JsonNode alt : s.get("anyOf")) {
                if (problems(alt, v).isEmpty()) return;
            }
            out.add(at + ": does not match any of the allowed forms");
            return;
        }
        Set<String> types = new HashSet<>();
        JsonNode t = s.get("type");
        if (t != null && t.isArray()) t.forEach(x -> types.add(x.asText()));
        else if (t != null) types.add(t.asText());
        if (v == null || v.isMissingNode() || v.isNull()) {
            if (!types.isEmpty() && !types.contains("null") && !enumAllowsNull(s)) out.add(at + ": is missing; give " + describe(s, types));
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(x -> is(x, v))) {
            out.add(at + ": expected " + describe(s, types) + ", got " + kind(v));
            return;
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            out.add(at + ": must be exactly " + s.get("const"));
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) found |= e.equals(v);
            if (!found) {
                out.add(at + ": " + clip(v) + " is not allowed; use one of " + list(s.get("enum")));
                return;
            }
        }
        if (v.isTextual()) {
            int n = v.asText().codePointCount(0, v.asText().length());
            if (s.has("minLength") && n < s.get("minLength").asInt()) out.add(at + ": is " + (n == 0 ? "empty" : n + " characters")
                    + "; write at least " + s.get("minLength").asInt());
            if (s.has("maxLength") && n > s.get("maxLength").asInt()) out.add(at + ": is " + n + " characters; keep it to "
                    + s.get("maxLength").asInt() + " or fewer");
        } else if (v.isNumber()) {
            if (s.has("minimum") && v.asDouble() < s.get("minimum").asDouble()) out.add(at + ": is " + v + "; the smallest allowed is " + s.get("minimum"));
            if (s.has("maximum") && v.asDouble() > s.get("maximum").asDouble()) out.add(at + ": is " + v + "; the largest allowed is " + s.get("maximum"));
        } else if (v.isArray()) {
            int n = v.size();
            if (s.has("minItems") && n < s.get("minItems").asInt()) out.add(at + ": has " + n + " entries; give at least " + s.get("minItems").asInt());
            if (s.has("maxItems") && n > s.get("maxItems").asInt()) out.add(at + ": has " + n + " entries; give at most " + s.get("maxItems").asInt());
            JsonNode items = s.get("items");
            for (int i = 0; i < n && items != null; i++) check(items, v.get(i), path + "[" + i + "]", out);
        } else if (v.isObject()) {
            JsonNode props = s.path("properties");
            for (JsonNode r : s.path("required")) {
                JsonNode sub = props.get(r.asText());
                if (!v.has(r.asText())) {
                    boolean nullable = sub != null && (typeAllows(sub, "null") || enumAllowsNull(sub));
                    if (!nullable) out.add(join(path, r.asText()) + ": is missing; give " + describe(sub));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode sub = props.get(f.getKey());
                if (sub != null && f.getValue().isNull() && !contains(s.path("required"), f.getKey())) {
                    continue; // an optional field given as null is a field left out
                } else if (sub != null) {
                    check(sub, f.getValue(), join(path, f.getKey()), out);
                } else if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                    out.add(join(path, f.getKey()) + ": is not a field of " + (path.isEmpty() ? "the answer" : path) + "; the fields are "
                            + String.join(", ", names(props)));
                }
            }
        }
    }

    private static boolean contains(JsonNode array, String name) {
        for (JsonNode x : array) if (x.asText().equals(name)) return true;
        return false;
    }

    private static boolean is(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static boolean typeAllows(JsonNode s, String type) {
        JsonNode t = s.get("type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode x : t) if (x.asText().equals(type)) return true;
            return false;
        }
        return t.asText().equals(type);
    }

    private static boolean enumAllowsNull(JsonNode s) {
        if (!s.has("enum")) return false;
        for (JsonNode e : s.get("enum")) if (e.isNull()) return true;
        return false;
    }

    private static String describe(JsonNode s) {
        Set<String> types = new HashSet<>();
        if (s != null && s.get("type") != null) {
            if (s.get("type").isArray()) s.get("type").forEach(x -> types.add(x.asText()));
            else types.add(s.get("type").asText());
        }
        return describe(s, types);
    }

    private static String describe(JsonNode s, Set<String> types) {
        if (s != null && s.has("enum")) return "one of " + list(s.get("enum"));
        Set<String> named = new java.util.TreeSet<>(types);
        named.remove("null");
        if (named.isEmpty()) return "a value";
        List<String> words = named.stream().map(x -> switch (x) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> x;
        }).toList();
        return String.join(" or ", words);
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) return "an object";
        if (v.isArray()) return "a list";
        if (v.isTextual()) return "the text " + clip(v);
        if (v.isBoolean()) return v.toString();
        if (v.isNumber()) return "the number " + v;
        return "null";
    }

    private static String list(JsonNode values) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : values) {
            if (out.size() == 12) {
                out.add("… (" + values.size() + " in all)");
                break;
            }
            out.add(e.toString());
        }
        return String.join(", ", out);
    }

    private static List<String> names(JsonNode props) {
        List<String> out = new ArrayList<>();
        props.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String clip(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…\"" : s;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
