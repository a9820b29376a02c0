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

    /** Same escaping: attribute values are always double-quoted by the design system. */
    public static String attr(String s) {
        return text(s);
    }
}
