package ai.atelier.knowledge;

import java.util.List;

/**
 * The company's rules for every page: phrases legal forbids, the disclaimer that must appear, the
 * only domains a page may link to, and the voice. QA enforces them; personas are told them.
 */
public record Policies(List<String> bannedPhrases, String requiredDisclaimer, List<String> allowedLinkDomains, String tone) {
    public Policies {
        bannedPhrases = List.copyOf(bannedPhrases);
        allowedLinkDomains = List.copyOf(allowedLinkDomains);
    }

    /** True when {@code host} is an allowed domain or a subdomain of one. */
    public boolean allowsHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String d : allowedLinkDomains) {
            String a = d.toLowerCase(java.util.Locale.ROOT).strip();
            if (h.equals(a) || h.endsWith("." + a)) return true;
        }
        return false;
    }

    /**
     * The first banned phrase found in {@code text}, matched case- and whitespace-insensitively
     * ("Guaranteed\n  RESULTS" matches "guaranteed results"), or null.
     */
    public String findBannedPhrase(String text) {
        if (text == null) return null;
        String hay = normalise(text);
        for (String phrase : bannedPhrases) {
            String needle = normalise(phrase);
            if (!needle.isEmpty() && hay.contains(needle)) return phrase;
        }
        return null;
    }

    /** Lower-case, with every run of white space (including non-breaking) folded to one space. */
    public static String normalise(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\u00A0\\u2000-\\u200B\\u202F]+", " ").strip();
    }
}
