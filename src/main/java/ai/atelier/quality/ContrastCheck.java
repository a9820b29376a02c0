package ai.atelier.quality;

import ai.atelier.site.design.Colors;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Text colour contrast of at least 4.5:1 (WCAG 2.x AA), computed from the page's own CSS without a
 * browser: the page's local stylesheets and style elements are read with {@link CssReader}, the
 * cascade is applied by specificity and order (resting state only: :hover, :focus and
 * pseudo-elements are left out), colour inherits, and the background is the nearest painted one
 * (translucent ones blended). Text whose colours cannot be read (gradients, images) is not judged.
 */
final class ContrastCheck implements QualityCheck {
    static final double MINIMUM = 4.5;
    private static final CssColor INITIAL_TEXT = new CssColor("#000000", 1);
    private static final CssColor CANVAS = new CssColor("#FFFFFF", 1);

    @Override
    public String name() {
        return "contrast";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        StringBuilder css = new StringBuilder();
        for (Element link : site.doc().select("link[rel~=(?i)stylesheet][href]")) {
            if (!ReferencedFilesCheck.isLocal(link.attr("href"))) continue;
            String text = site.file(link.attr("href").replaceFirst("^\\./", ""));
            if (text != null) css.append(text).append('\n');
        }
        site.doc().select("style").forEach(s -> css.append(s.data()).append('\n'));
        CssReader reader = new CssReader(css.toString());
        Map<Element, Map<String, Winner>> styles = cascade(site, reader);

        Map<Element, CssColor> color = new IdentityHashMap<>();
        Map<Element, CssColor> background = new IdentityHashMap<>();
        Set<String> failures = new LinkedHashSet<>();
        int judged = 0;
        for (Element e : site.doc().getAllElements()) {
            Element parent = e.parent();
            CssColor parentColor = parent == null || !color.containsKey(parent) ? INITIAL_TEXT : color.get(parent);
            CssColor parentBg = parent == null || !background.containsKey(parent) ? CANVAS : background.get(parent);
            Map<String, Winner> own = styles.getOrDefault(e, Map.of());
            CssColor bg = parentBg;
            String bgValue = own.containsKey("background-color") ? own.get("background-color").value()
                    : own.containsKey("background") ? own.get("background").value() : null;
            if (bgValue != null) {
                CssColor c = CssColor.inShorthand(reader.resolve(bgValue));
                if (c != null) bg = c.opaque() ? c : parentBg == null ? null : c.over(parentBg);
                else if (bgValue.contains("url(") || bgValue.contains("gradient")) bg = null;
            }
            CssColor fg = parentColor;
            if (own.containsKey("color")) {
                CssColor c = CssColor.parse(reader.resolve(own.get("color").value()));
                fg = c == null ? null : bg == null ? c : c.over(bg);
            }
            color.put(e, fg == null ? parentColor : fg);
            background.put(e, bg);
            if (fg == null || bg == null || !hasOwnText(e) || hidden(e)) continue;
            judged++;
            double ratio = Colors.ratio(fg.hex(), bg.hex());
            if (ratio < MINIMUM) {
                failures.add(String.format("%s \"%s\": %.2f:1 (%s on %s)", describe(e), Text.clip(e.ownText(), 40), ratio, fg.hex(), bg.hex()));
            }
        }
        if (judged == 0) return CheckResult.skipped(this, "no text whose colours could be read from the page's CSS");
        return failures.isEmpty() ? CheckResult.pass(this, judged + " text element(s), all at least " + MINIMUM + ":1")
                : CheckResult.fail(this, failures.size() + " text element(s) below " + MINIMUM + ":1 contrast", List.copyOf(failures));
    }

    private record Winner(int[] specificity, int order, String value) {
        boolean beats(Winner o) {
            for (int i = 0; i < 3; i++) if (specificity[i] != o.specificity[i]) return specificity[i] > o.specificity[i];
            return order >= o.order;
        }
    }

    private static Map<Element, Map<String, Winner>> cascade(SiteUnderTest site, CssReader reader) {
        Map<Element, Map<String, Winner>> out = new IdentityHashMap<>();
        for (CssReader.Rule rule : reader.rules()) {
            Map<String, String> decls = new java.util.HashMap<>();
            for (String p : List.of("color", "background", "background-color")) {
                if (rule.declarations().containsKey(p)) decls.put(p, rule.declarations().get(p));
            }
            if (decls.isEmpty()) continue;
            for (String selector : rule.selectors().split(",(?![^(]*\\))")) {
                String sel = selector.strip();
                if (sel.isEmpty() || sel.contains("::") || sel.matches(".*:(hover|focus|focus-visible|focus-within|active|visited|target|before|after|placeholder|selection).*")) continue;
                List<Element> matched;
                try {
                    matched = site.doc().select(sel);
                } catch (RuntimeException unsupported) {
                    continue;
                }
                int[] spec = specificity(sel);
                for (Element e : matched) {
                    Map<String, Winner> props = out.computeIfAbsent(e, k -> new java.util.HashMap<>());
                    decls.forEach((p, v) -> {
                        Winner w = new Winner(spec, rule.order(), v);
                        Winner cur = props.get(p);
                        if (cur == null || w.beats(cur)) props.put(p, w);
                    });
                }
            }
        }
        // inline styles beat every rule
        for (Element e : site.doc().select("[style]")) {
            Map<String, String> decls = CssReader.declarations(e.attr("style"));
            Map<String, Winner> props = out.computeIfAbsent(e, k -> new java.util.HashMap<>());
            for (String p : List.of("color", "background", "background-color")) {
                if (decls.containsKey(p)) props.put(p, new Winner(new int[] {1000, 0, 0}, Integer.MAX_VALUE, decls.get(p)));
            }
        }
        return out;
    }

    /** (ids, classes/attributes/pseudo-classes, types) of one complex selector. */
    static int[] specificity(String selector) {
        String s = selector.replaceAll(":not\\(([^)]*)\\)", " $1");
        int ids = count(s, "#[\\w-]+");
        int classes = count(s, "\\.[\\w-]+") + count(s, "\\[[^]]*]") + count(s, ":[\\w-]+(\\([^)]*\\))?");
        String types = s.replaceAll("#[\\w-]+|\\.[\\w-]+|\\[[^]]*]|:[\\w-]+(\\([^)]*\\))?", " ");
        int tags = count(types, "(?<![\\w-])[a-zA-Z][\\w-]*");
        return new int[] {ids, classes, tags};
    }

    private static int count(String s, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static boolean hasOwnText(Element e) {
        if (List.of("script", "style", "title", "head", "html", "svg").contains(e.tagName())) return false;
        for (TextNode t : e.textNodes()) if (!t.isBlank()) return true;
        return false;
    }

    private static boolean hidden(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.hasAttr("hidden") || "true".equals(a.attr("aria-hidden"))) return true;
        }
        return false;
    }

    private static String describe(Element e) {
        String cls = e.className().isBlank() ? "" : "." + e.className().strip().replaceAll("\\s+", ".");
        return "<" + e.tagName() + cls + ">";
    }
}
