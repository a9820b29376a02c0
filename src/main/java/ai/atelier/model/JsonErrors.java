package ai.atelier.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Says what is wrong with a piece of JSON in a reader's words: where (the field's path in the
 * answer, or the line and column) and what, never the parser's or a Java class's name. Jackson's
 * own messages ("Cannot construct instance of ai.atelier.site.WebsiteSpec … coll is null") are
 * for the developer of Atelier, not for a user or a model in a repair round.
 */
public final class JsonErrors {
    private JsonErrors() {}

    public static String describe(Throwable e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = path(m);
            Throwable root = m;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = root instanceof NullPointerException || String.valueOf(m.getOriginalMessage()).contains("null")
                    ? "is missing or null" : "has the wrong form";
            return path + ": " + why + "; give a value of the kind the schema asks for";
        }
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
        }
        if (e instanceof JsonMappingException) return "a required part is missing or has the wrong form";
        return "malformed JSON";
    }

    static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
        }
        return b.length() == 0 ? "the answer" : b.toString();
    }

    static String kind(JsonNode v) {
        if (v.isArray()) return "a list";
        if (v.isTextual()) return "a text";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "true or false";
        return "null";
    }
}
