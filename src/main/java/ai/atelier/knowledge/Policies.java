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

    /**
     * Lower-case, with every run of white space (ASCII white space, no-break and the Unicode spaces
     * U+2000 to U+200B and U+202F) folded to one space. A loop, not a regular expression: it runs for
     * every sentence the built-in engine writes and every text QA checks.
     */
    public static String normalise(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (folds(c)) {
                if (!inRun) out.append(' ');
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().strip();
    }

    private static boolean folds(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || (c >= '\u2000' && c <= '\u200B') || c == '\u202F';
    }
}
