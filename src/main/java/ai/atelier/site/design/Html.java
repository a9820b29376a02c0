package ai.atelier.site.design;

/**
 * Escaping for HTML text and attribute values. Every string that reaches a page passes through
 * here, whether it came from the company, the visitor or a model.
 */
public final class Html {
    private Html() {}

    public static String text(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }

    /**
     * For the page's most visible lines, {@code <title>} and {@code <h1>}: escaped like
     * {@link #text}, after removing the bidirectional embedding, override and isolate controls
     * (U+202A–U+202E, U+2066–U+2069: an unbalanced override reverses everything after it, so a
     * visitor's name could make the heading read differently from what it holds) and every word
     * made only of invisible characters (zero-width space, joiners, word joiner, BOM, LRM/RLM). The
     * personalizer cleans visitor text too; this is the last line of defence, at render time.
     * Letters joined by a zero-width joiner inside a real word (emoji, Indic scripts) are kept.
     */
    public static String heading(String s) {
        if (s == null) return "";
        String noControls = s.replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
        StringBuilder out = new StringBuilder(noControls.length());
        for (String word : noControls.split("(?<=\\s)|(?=\\s)")) {
            if (!word.isBlank() && word.replaceAll("[\u200B-\u200F\u2060\uFEFF\u061C\u180E]", "").isEmpty()) continue;
            out.append(word);
        }
        return text(out.toString().replaceAll("\\s{2,}", " ").strip());
    }

    /** Same escaping: attribute values are always double-quoted by the design system. */
    public static String attr(String s) {
        return text(s);
    }
}
