package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Headings descend one level at a time (h1 → h2 → h3), so the outline a screen reader shows has no holes. */
final class HeadingOrderCheck implements QualityCheck {
    @Override
    public String name() {
        return "heading-order";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> skips = new ArrayList<>();
        int previous = 0;
        var headings = site.doc().select("h1, h2, h3, h4, h5, h6");
        for (Element h : headings) {
            int level = h.tagName().charAt(1) - '0';
            if (level > previous + 1) {
                skips.add("<" + h.tagName() + "> \"" + Text.clip(h.text(), 50) + "\" follows " + (previous == 0 ? "no heading" : "an h" + previous));
            }
            previous = level;
        }
        return skips.isEmpty() ? CheckResult.pass(this, headings.size() + " heading(s), no level skipped")
                : CheckResult.fail(this, skips.size() + " heading level(s) skipped", skips);
    }
}
