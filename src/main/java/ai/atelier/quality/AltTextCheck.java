package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Every image has alt text (an empty alt is only accepted on images marked decorative with role=presentation). */
final class AltTextCheck implements QualityCheck {
    @Override
    public String name() {
        return "alt-text";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> missing = new ArrayList<>();
        List<Element> images = site.doc().select("img, input[type=image], area");
        for (Element img : images) {
            boolean decorative = "presentation".equals(img.attr("role")) || "none".equals(img.attr("role"));
            if (!img.hasAttr("alt") || (img.attr("alt").isBlank() && !decorative)) missing.add("<" + img.tagName() + " src=\"" + img.attr("src") + "\">");
        }
        return missing.isEmpty() ? CheckResult.pass(this, images.size() + " image(s), all with alt text")
                : CheckResult.fail(this, missing.size() + " image(s) without alt text", missing);
    }
}
