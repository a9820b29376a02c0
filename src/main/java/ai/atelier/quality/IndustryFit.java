package ai.atelier.quality;

import ai.atelier.knowledge.Policies;
import java.util.Collection;
import java.util.Locale;

/**
 * Whether a visitor's own industry wording names one of the company's industry keys
 * ("Health care" fits "healthcare", "Manufacturer" fits "manufacturing").
 */
final class IndustryFit {
    private IndustryFit() {}

    static boolean fits(String visitorIndustry, String key) {
        String v = squash(visitorIndustry), k = squash(key);
        if (v.isEmpty() || k.isEmpty()) return false;
        if (v.equals(k)) return true;
        return v.length() >= 5 && k.length() >= 5 && v.startsWith(k.substring(0, 5)) && k.startsWith(v.substring(0, 5));
    }

    static boolean fitsAny(String visitorIndustry, Collection<String> keys) {
        return keys.stream().anyMatch(k -> fits(visitorIndustry, k));
    }

    static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Page text as QA compares it: lower-case, white space folded. */
    static String norm(String s) {
        return s == null ? "" : Policies.normalise(s);
    }
}
