package ai.atelier.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small reader for the plain CSS our pages ship: style rules (also inside @media and @supports),
 * their declarations, and custom properties, with var() resolved. It is not a full CSS engine;
 * it reads enough to know which colours the page paints text in, which is what the contrast check
 * needs without a browser.
 */
final class CssReader {
    /** One selector list with its declarations, in source order. */
    record Rule(String selectors, Map<String, String> declarations, int order) {}

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> customProperties = new LinkedHashMap<>();

    CssReader(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        parseBlock(text, 0, text.length());
        for (Rule r : rules) {
            String sel = r.selectors().strip();
            if (sel.equals(":root") || sel.equals("html") || sel.equals(":root, html") || sel.equals("html, :root")) {
                r.declarations().forEach((k, v) -> {
                    if (k.startsWith("--")) customProperties.put(k, v);
                });
            }
        }
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    Map<String, String> customProperties() {
        return Map.copyOf(customProperties);
    }

    /** {@code value} with every var(--x[, fallback]) replaced by the custom property's value. */
    String resolve(String value) {
        String v = value;
        for (int guard = 0; guard < 10 && v.contains("var("); guard++) {
            int start = v.indexOf("var(");
            int end = matchingParen(v, start + 3);
            if (end < 0) return v;
            String inner = v.substring(start + 4, end);
            int comma = inner.indexOf(',');
            String name = (comma < 0 ? inner : inner.substring(0, comma)).strip();
            String replacement = customProperties.get(name);
            if (replacement == null) replacement = comma < 0 ? "" : inner.substring(comma + 1).strip();
            v = v.substring(0, start) + replacement + v.substring(end + 1);
        }
        return v.strip();
    }

    private void parseBlock(String css, int from, int to) {
        int i = from;
        while (i < to) {
            int open = css.indexOf('{', i);
            if (open < 0 || open >= to) return;
            int semicolon = css.indexOf(';', i);
            String prelude = css.substring(i, open).strip();
            if (prelude.startsWith("@") && semicolon >= 0 && semicolon < open) {
                // a statement at-rule such as @import or @charset: nothing to style.
                i = semicolon + 1;
                continue;
            }
            int close = matchingBrace(css, open);
            if (close < 0) return;
            String lower = prelude.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@media") || lower.startsWith("@supports") || lower.startsWith("@layer")) {
                parseBlock(css, open + 1, close);
            } else if (!prelude.startsWith("@") && !prelude.isEmpty()) {
                rules.add(new Rule(prelude, declarations(css.substring(open + 1, close)), rules.size()));
            }
            i = close + 1;
        }
    }

    static Map<String, String> declarations(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String decl : block.split(";")) {
            int colon = decl.indexOf(':');
            if (colon <= 0) continue;
            String prop = decl.substring(0, colon).strip();
            String value = decl.substring(colon + 1).replace("!important", "").strip();
            out.put(prop.startsWith("--") ? prop : prop.toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
