package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Every form field a person fills in has a label (label element, aria-label or aria-labelledby). */
final class FormLabelsCheck implements QualityCheck {
    @Override
    public String name() {
        return "form-labels";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> unlabelled = new ArrayList<>();
        var fields = site.doc().select("input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea");
        for (Element f : fields) {
            boolean labelled = !f.attr("aria-label").isBlank() || !f.attr("aria-labelledby").isBlank()
                    || f.closest("label") != null
                    || (!f.id().isEmpty() && !site.doc().select("label[for=" + cssIdent(f.id()) + "]").isEmpty());
            if (!labelled) unlabelled.add("<" + f.tagName() + (f.hasAttr("name") ? " name=\"" + f.attr("name") + "\"" : "") + ">");
        }
        return unlabelled.isEmpty() ? CheckResult.pass(this, fields.isEmpty() ? "no form fields" : fields.size() + " form field(s), all labelled")
                : CheckResult.fail(this, unlabelled.size() + " form field(s) without a label", unlabelled);
    }

    private static String cssIdent(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
