package ai.atelier.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into index terms: lower-case words, English stop words dropped, plural and common
 * verb endings folded so that "castings", "casting" and "cast" meet. Shared by every lexical
 * scorer so that queries and documents are cut the same way.
 */
public final class Terms {
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "for", "from", "has",
            "have", "how", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "so", "that",
            "the", "their", "them", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when",
            "which", "who", "will", "with", "you", "your", "not", "no", "than", "then", "also", "more", "most",
            "my", "me", "us", "about", "all", "any", "each", "one", "would", "should", "could", "may", "per");

    private Terms() {}

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        StringBuilder w = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                String t = w.toString();
                w.setLength(0);
                if (t.length() > 1 && !STOP.contains(t)) out.add(stem(t));
            }
        }
        return out;
    }

    static String stem(String t) {
        if (t.length() > 5 && t.endsWith("ies")) return t.substring(0, t.length() - 3) + "y";
        if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us") && !t.endsWith("is")) t = t.substring(0, t.length() - 1);
        if (t.length() > 5 && t.endsWith("ing")) return t.substring(0, t.length() - 3);
        if (t.length() > 4 && t.endsWith("ed")) return t.substring(0, t.length() - 2);
        return t;
    }
}
