package ai.atelier.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The visitor in natural language, for prompts, framed as quoted data: each value is put in
 * quotes with quotes, angle brackets and braces neutralised, so that a profile field cannot close
 * the data block or pass for an instruction.
 */
public final class VisitorBrief {
    private VisitorBrief() {}

    /** The visitor as copy may use them: through {@link VisitorText} hygiene first (markup, URLs, code, instructions dropped). */
    public static String of(Profile raw) {
        Profile p = VisitorText.forCopy(raw);
        List<String> lines = new ArrayList<>();
        lines.add("- name: " + q(p.name()));
        lines.add("- industry: " + q(p.industry()));
        if (p.name().isBlank()) lines.set(0, "- name: (not given; do not address the visitor by name)");
        if (p.company() != null) lines.add("- organisation: " + q(p.company()));
        if (p.companyType() != null) lines.add("- organisation type: " + q(p.companyType()));
        if (p.companySize() != null) lines.add("- organisation size: " + p.companySize() + " people");
        if (p.location() != null) lines.add("- location: " + q(p.location()));
        if (p.role() != null) lines.add("- role: " + q(p.role()));
        if (p.mission() != null) lines.add("- stated mission: " + q(p.mission()));
        if (!p.interests().isEmpty()) lines.add("- interests: " + String.join(", ", p.interests().stream().map(VisitorBrief::q).toList()));
        lines.add("- language: " + q(p.language()));
        for (Map.Entry<String, String> e : p.extra().entrySet()) {
            lines.add("- " + neutral(e.getKey()) + ": " + q(e.getValue()));
        }
        return String.join("\n", lines);
    }

    /** Quotes a value as data. */
    public static String q(String s) {
        return "\"" + neutral(s) + "\"";
    }

    static String neutral(String s) {
        return s.replace('"', '\'').replace('<', '‹').replace('>', '›').replace("{", "(").replace("}", ")")
                .replace('\n', ' ').replace('\r', ' ');
    }
}
