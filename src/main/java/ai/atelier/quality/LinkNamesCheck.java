package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Every link and button has an accessible name: text, an aria-label, or an image with alt text inside. */
final class LinkNamesCheck implements QualityCheck {
    @Override
    public String name() {
        return "link-names";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> unnamed = new ArrayList<>();
        var controls = site.doc().select("a[href], button, [role=button], [role=link]");
        for (Element e : controls) {
            if (accessibleName(site, e).isBlank()) unnamed.add("<" + e.tagName() + (e.hasAttr("href") ? " href=\"" + e.attr("href") + "\"" : "") + ">");
        }
        return unnamed.isEmpty() ? CheckResult.pass(this, controls.size() + " link(s) and button(s), all named")
                : CheckResult.fail(this, unnamed.size() + " link(s) or button(s) without an accessible name", unnamed);
    }

    static String accessibleName(SiteUnderTest site, Element e) {
        if (e.hasAttr("aria-labelledby")) {
            StringBuilder b = new StringBuilder();
            for (String id : e.attr("aria-labelledby").split("\\s+")) {
                Element ref = site.doc().getElementById(id);
                if (ref != null) b.append(ref.text()).append(' ');
            }
            if (!b.toString().isBlank()) return b.toString();
        }
        if (!e.attr("aria-label").isBlank()) return e.attr("aria-label");
        StringBuilder b = new StringBuilder(e.text());
        for (Element img : e.select("img[alt], svg title, [aria-label]")) b.append(' ').append(img.hasAttr("alt") ? img.attr("alt") : img.hasAttr("aria-label") ? img.attr("aria-label") : img.text());
        if (b.toString().isBlank() && !e.attr("title").isBlank()) return e.attr("title");
        return b.toString();
    }
}
