package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Policies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's structured answer as untrusted data: finds the JSON object in the text (models
 * wrap it in fences or prose), bounds its size, and takes fields out only through checks (present,
 * short enough, free of banned phrases), so nothing unchecked reaches a page.
 */
final class Answers {
    static final int MAX_ANSWER_CHARS = 64_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) throw new AnswerRejected("the answer was empty");
        if (text.length() > MAX_ANSWER_CHARS) throw new AnswerRejected("the answer is longer than " + MAX_ANSWER_CHARS + " characters");
        int from = text.indexOf('{');
        int to = text.lastIndexOf('}');
        if (from < 0 || to < from) throw new AnswerRejected("the answer holds no JSON object");
        try {
            JsonNode n = JSON.readTree(text.substring(from, to + 1));
            if (!n.isObject()) throw new AnswerRejected("the answer is not a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AnswerRejected("the answer is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A required text field, whitespace folded, at most {@code max} characters, with no banned phrase. */
    static String text(JsonNode n, String field, int max, Policies policies) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new AnswerRejected("field \"" + field + "\" is missing or not text");
        String s = v.asText().replaceAll("\\s+", " ").strip();
        if (s.length() > max) throw new AnswerRejected("field \"" + field + "\" is longer than " + max + " characters");
        String banned = policies.findBannedPhrase(s);
        if (banned != null) throw new AnswerRejected("field \"" + field + "\" uses the banned phrase \"" + banned + "\"");
        return s;
    }

    /** A required array field with between 1 and {@code max} elements. */
    static List<JsonNode> array(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) throw new AnswerRejected("field \"" + field + "\" must be a non-empty list");
        if (v.size() > max) throw new AnswerRejected("field \"" + field + "\" has more than " + max + " entries");
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** An optional list of short texts, checked like {@link #text}. */
    static List<String> texts(JsonNode n, String field, int maxCount, int maxChars, Policies policies) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray() || v.size() > maxCount) throw new AnswerRejected("field \"" + field + "\" must be a list of at most " + maxCount + " texts");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            var wrapper = JSON.createObjectNode().set("value", v.get(i));
            out.add(text(wrapper, "value", maxChars, policies));
        }
        return out;
    }
}
