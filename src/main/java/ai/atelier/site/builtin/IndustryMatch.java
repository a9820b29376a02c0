package ai.atelier.site.builtin;

import ai.atelier.knowledge.Terms;
import java.util.List;
import java.util.Set;

/**
 * Maps the visitor's own industry wording onto an industry the company has research for
 * ("Health care" → "healthcare", "Manufacturer" → "manufacturing"), or null when none fits.
 */
final class IndustryMatch {
    private IndustryMatch() {}

    static String match(String visitorIndustry, Set<String> known) {
        String v = visitorIndustry.toLowerCase(java.util.Locale.ROOT).strip();
        if (known.contains(v)) return v;
        String squashed = v.replaceAll("[^a-z0-9]", "");
        for (String k : known) if (k.replaceAll("[^a-z0-9]", "").equals(squashed)) return k;
        List<String> vt = Terms.of(v);
        for (String k : known) {
            for (String kt : Terms.of(k)) {
                for (String t : vt) {
                    if (t.length() >= 5 && kt.length() >= 5 && (t.startsWith(kt.substring(0, 5)) && kt.startsWith(t.substring(0, 5)))) return k;
                }
            }
        }
        return null;
    }
}
