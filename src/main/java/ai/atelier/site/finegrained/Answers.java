package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Policies;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes fields out of a model's answer record as untrusted data, only through checks (present,
 * short enough, free of banned phrases), so nothing unchecked reaches a page. Parsing the answer
 * and the repair round are {@code ai.atelier.model.StructuredCall}'s; these checks say what a
 * repair round has to fix.
 */
final class Answers {
    private Answers() {}

    /**
     * A required text field, whitespace folded, with no banned phrase. Its length was held to the
     * answer's schema (the same bound, from the record's {@code @Shape}) before it got here; the
     * check stays as a guard for callers that skip the schema.
     */
    static String text(String value, String field, int max, Policies policies) {
        if (value == null) throw new AnswerRejected("field \"" + field + "\" is missing");
        String s = value.replaceAll("\\s+", " ").strip();
        if (s.length() > max) throw new AnswerRejected("field \"" + field + "\" is longer than " + max + " characters");
        String banned = policies.findBannedPhrase(s);
        if (banned != null) throw new AnswerRejected("field \"" + field + "\" uses the banned phrase \"" + banned + "\"");
        return s;
    }

    /** A required list with between 1 and {@code max} entries, none of them null. */
    static <E> List<E> list(List<E> value, String field, int max) {
        if (value == null || value.isEmpty()) throw new AnswerRejected("field \"" + field + "\" must be a non-empty list");
        if (value.size() > max) throw new AnswerRejected("field \"" + field + "\" has more than " + max + " entries");
        if (value.stream().anyMatch(java.util.Objects::isNull)) throw new AnswerRejected("field \"" + field + "\" has an empty entry");
        return value;
    }

    /** An optional list of short texts, each checked like {@link #text}. */
    static List<String> texts(List<String> value, String field, int maxCount, int maxChars, Policies policies) {
        if (value == null) return List.of();
        if (value.size() > maxCount) throw new AnswerRejected("field \"" + field + "\" must be a list of at most " + maxCount + " texts");
        List<String> out = new ArrayList<>();
        for (String v : value) out.add(text(v, field, maxChars, policies));
        return out;
    }
}
