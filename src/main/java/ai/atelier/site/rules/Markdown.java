package ai.atelier.site.rules;

import ai.atelier.knowledge.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns research markdown into plain sentences for copy. */
final class Markdown {
    // Compiled once: the built-in engine turns every retrieved passage into copy.
    private static final Pattern LIST_MARK = Pattern.compile("(?m)^\\s*([-*+]|\\d+\\.)\\s+");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#+\\s*");
    private static final Pattern LINK = Pattern.compile("!?\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`>]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9“\"(])");

    private Markdown() {}

    static String plain(String md) {
        String s = LIST_MARK.matcher(md).replaceAll("");
        s = HEADING_MARK.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
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
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }
}
