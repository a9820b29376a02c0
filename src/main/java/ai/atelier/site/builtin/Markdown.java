package ai.atelier.site.builtin;

import ai.atelier.knowledge.Policies;
import java.util.ArrayList;
import java.util.List;

/** Turns research markdown into plain sentences for copy. */
final class Markdown {
    private Markdown() {}

    static String plain(String md) {
        return md.replaceAll("(?m)^\\s*([-*+]|\\d+\\.)\\s+", "")
                .replaceAll("(?m)^#+\\s*", "")
                .replaceAll("!?\\[([^]]*)]\\([^)]*\\)", "$1")
                .replaceAll("[*_`>]+", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The first sentences of a passage, up to about {@code max} characters, without banned phrases. */
    static String summary(String md, int max, Policies policies) {
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences(plain(md))) {
            if (policies.findBannedPhrase(sentence) != null) continue;
            if (out.length() > 0 && out.length() + sentence.length() > max) break;
            if (out.length() > 0) out.append(' ');
            out.append(sentence);
            if (out.length() >= max * 2 / 3) break;
        }
        String s = out.toString();
        return s.length() > max + 80 ? VisitorWords.shorten(s, max) : s;
    }

    static String dropSentencesWithBannedPhrases(String text, Policies policies) {
        if (policies.findBannedPhrase(text) == null) return text;
        List<String> kept = new ArrayList<>();
        for (String s : sentences(text)) if (policies.findBannedPhrase(s) == null) kept.add(s);
        return String.join(" ", kept);
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+(?=[A-Z0-9“\"(])")) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }
}
