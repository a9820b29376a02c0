package ai.atelier.site;

import ai.atelier.AtelierException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a visitor profile. Profiles come from outside (a CRM export, an HTTP body),
 * so this is the gate: size limits, types and required fields are checked here, and each problem
 * is reported in one line naming the field, before anything is generated.
 */
public final class ProfileReader {
    /** Largest profile document accepted. */
    public static final int MAX_PROFILE_BYTES = 64 * 1024;
    /** Largest single text field accepted (in characters). */
    public static final int MAX_FIELD_CHARS = 2 * 1024;
    /** Most interests kept. */
    public static final int MAX_INTERESTS = 20;

    private static final Set<String> KNOWN = Set.of("id", "name", "company", "industry", "companySize",
            "companyType", "location", "role", "mission", "interests", "language");
    /** Duplicate keys are refused: {"name": "a", "name": "b"} is ambiguous, and parsers disagree on which wins. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public Profile read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new AtelierException("profile file not found: " + file + " (pass an existing JSON file with --profile)", "profile", null);
            }
            if (Files.size(file) > MAX_PROFILE_BYTES) {
                throw new AtelierException("profile " + file + " is " + Files.size(file) + " bytes; the limit is "
                        + MAX_PROFILE_BYTES + " bytes", "profile", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AtelierException("cannot read profile " + file + ": " + e.getMessage(), "profile", e);
        }
        try {
            return parse(bytes);
        } catch (AtelierException e) {
            throw new AtelierException("profile " + file.getFileName() + ": " + e.getMessage(), e.field(), null);
        }
    }

    public Profile parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public Profile parse(byte[] json) {
        if (json.length > MAX_PROFILE_BYTES) {
            throw new AtelierException("profile is " + json.length + " bytes; the limit is " + MAX_PROFILE_BYTES + " bytes", "profile", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.startsWith("Duplicate field '") && m.indexOf('\'', 17) > 0) {
                throw new AtelierException("the profile has the key \"" + m.substring(17, m.indexOf('\'', 17)) + "\" twice" + where + "; give each key once",
                        "profile", null);
            }
            throw new AtelierException("malformed JSON" + ai.atelier.model.JsonErrors.syntax(e), "profile", null);
        } catch (IOException e) {
            throw new AtelierException("malformed JSON: the profile cannot be read as JSON text", "profile", null);
        }
        if (root == null || !root.isObject()) {
            throw new AtelierException("a profile must be a JSON object like {\"name\": \"…\", \"industry\": \"…\"}", "profile", null);
        }
        String name = requiredText(root, "name");
        String industry = requiredText(root, "industry");
        Map<String, String> extra = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (KNOWN.contains(f.getKey())) continue;
            if (f.getKey().length() > 64) {
                throw new AtelierException("field name longer than 64 characters: \"" + f.getKey().substring(0, 32) + "…\"", f.getKey(), null);
            }
            if (f.getValue().isContainerNode()) {
                throw new AtelierException("field \"" + f.getKey() + "\" must be text, a number or a boolean, not " + kind(f.getValue()), f.getKey(), null);
            }
            if (!f.getValue().isNull()) extra.put(f.getKey(), bounded(f.getKey(), f.getValue().asText()));
            if (extra.size() > 50) throw new AtelierException("too many extra fields (limit 50)", f.getKey(), null);
        }
        return new Profile(
                optionalText(root, "id"),
                name,
                optionalText(root, "company"),
                industry,
                optionalInt(root, "companySize"),
                optionalText(root, "companyType"),
                optionalText(root, "location"),
                optionalText(root, "role"),
                optionalText(root, "mission"),
                interests(root),
                optionalText(root, "language"),
                extra);
    }

    /** The profile back in its own flat JSON format (extra fields at the top level), readable by {@link #parse}. */
    public static String toJson(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("company", p.company());
        m.put("industry", p.industry());
        m.put("companySize", p.companySize());
        m.put("companyType", p.companyType());
        m.put("location", p.location());
        m.put("role", p.role());
        m.put("mission", p.mission());
        m.put("interests", p.interests());
        m.put("language", p.language());
        p.extra().forEach(m::putIfAbsent);
        m.values().removeIf(java.util.Objects::isNull);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            throw new AtelierException("missing required field \"" + field + "\"", field, null);
        }
        String text = textOf(field, v);
        if (text.isBlank()) throw new AtelierException("field \"" + field + "\" must not be empty", field, null);
        return text;
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        String text = textOf(field, v);
        return text.isBlank() ? null : text;
    }

    private static String textOf(String field, JsonNode v) {
        if (!v.isTextual()) {
            throw new AtelierException("field \"" + field + "\" must be a string, not " + kind(v), field, null);
        }
        return bounded(field, v.textValue().strip());
    }

    private static String bounded(String field, String text) {
        if (text.length() > MAX_FIELD_CHARS) {
            throw new AtelierException("field \"" + field + "\" is " + text.length() + " characters; the limit is " + MAX_FIELD_CHARS, field, null);
        }
        return stripControl(text);
    }

    /** Control characters have no business in a name or a mission; they are dropped, not rejected. */
    private static String stripControl(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static Integer optionalInt(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new AtelierException("field \"" + field + "\" must be a non-negative whole number, not " + kind(v), field, null);
        }
        return v.intValue();
    }

    private static List<String> interests(JsonNode root) {
        JsonNode v = root.get("interests");
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new AtelierException("field \"interests\" must be a list of strings, not " + kind(v), "interests", null);
        if (v.size() > MAX_INTERESTS) throw new AtelierException("field \"interests\" has " + v.size() + " entries; the limit is " + MAX_INTERESTS, "interests", null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String t = textOf("interests[" + i + "]", v.get(i));
            if (!t.isBlank()) out.add(t);
        }
        return out;
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) return "a string";
        if (v.isNumber()) return "a number (" + v.asText() + ")";
        if (v.isBoolean()) return "a boolean";
        if (v.isArray()) return "a list";
        if (v.isObject()) return "an object";
        return v.getNodeType().name().toLowerCase();
    }
}
