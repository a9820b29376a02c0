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

    /**
     * What is wrong with JSON text that does not parse, for a person, to follow "malformed JSON"
     * or "is not valid YAML": " at line 1, column 38: a key
     * must be in double quotes…" — the place, and the mistake in the words of someone who wrote
     * it, not the parser's ("Unexpected character ('}' (code 125))").
     */
    public static String syntax(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return where(e, m) + jsonProblem(m);
    }

    /** As {@link #syntax} for YAML text (a config, a workflow, a company file). */
    public static String yaml(JsonProcessingException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return where(e, m) + yamlProblem(m);
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

    private static String where(JsonProcessingException e, String message) {
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
        }
        java.util.regex.Matcher l = LINE.matcher(message);
        return l.find() ? " at line " + l.group(1) + ", column " + l.group(2) + ": " : ": ";
    }

    private static String jsonProblem(String m) {
        if (m.startsWith("Duplicate field '") && m.indexOf('\'', 17) > 0) return "the key \"" + m.substring(17, m.indexOf('\'', 17)) + "\" appears twice; give each key once";
        if (m.contains("end-of-input")) return "the JSON ends early: a closing quote, } or ] is missing";
        if (m.contains("double-quote to start field name")) {
            return "expected a key in double quotes, like \"name\"; a comma before } or ], or a key in single or no quotes, is not JSON";
        }
        if (m.contains("comma to separate")) return "a comma is missing between two entries";
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("Unrecognized token '([^']{1,40})").matcher(m);
        if (word.find()) return "unexpected word \"" + word.group(1) + "\": text values go in double quotes (this reads as YAML or JavaScript, not JSON)";
        if (m.contains("Illegal unquoted character")) return "a text holds a raw line break or control character; write it as \\n";
        if (m.contains("Invalid UTF-8")) return "the text is not UTF-8";
        java.util.regex.Matcher ch = java.util.regex.Pattern.compile("Unexpected character \\('(.)'").matcher(m);
        if (ch.find()) return "unexpected character '" + ch.group(1) + "'";
        return "this is not valid JSON";
    }

    private static String yamlProblem(String m) {
        if (m.contains("TAB")) return "a tab is used for indentation; indent with spaces";
        if (m.contains("found duplicate key") || m.contains("Duplicate field")) return "a key appears twice; give each key once";
        if (m.contains("mapping values are not allowed here")) {
            return "a value holds \": \" (a colon and a space): put the value in quotes, or fix the indentation";
        }
        if (m.contains("quoted scalar") || m.contains("unexpected end of stream")) return "a quote is opened and never closed";
        if (m.contains("flow sequence") || m.contains("expected ',' or ']'")) return "a [ … ] list is not closed with ], or its items are not separated by commas";
        if (m.contains("flow mapping") || m.contains("expected ',' or '}'")) return "a { … } mapping is not closed with }, or its entries are not separated by commas";
        if (m.contains("block collection") || m.contains("expected '-'")) return "a list item (\"- …\") is indented differently from the items before it";
        if (m.contains("block mapping") || m.contains("block end") || m.contains("could not find expected ':'")) {
            return "the indentation is inconsistent, or a line has no \"key: value\" colon";
        }
        return "this is not valid YAML";
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
