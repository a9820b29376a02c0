package ai.atelier.quality;

import ai.atelier.knowledge.CompanyCallToAction;
import ai.atelier.knowledge.CompanyInfo;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The page's call to action is the company's own (company.yaml's callToAction, else the step its
 * design guidelines name, else "Contact us"; see {@link CompanyCallToAction}): a link or button
 * with that label, pointing where company.yaml says when it gives a link.
 */
final class CallToActionCheck implements QualityCheck {
    @Override
    public String name() {
        return "call-to-action";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        CompanyInfo.CallToAction want = CompanyCallToAction.of(site.company());
        String label = PageText.norm(want.label());
        for (Element a : site.doc().select("a[href], button")) {
            if (!PageText.norm(a.text()).equals(label)) continue;
            if (want.href() != null && a.tagName().equals("a") && !a.attr("href").equals(want.href())) {
                return CheckResult.fail(this, "call to action \"" + want.label() + "\" links to " + Text.clip(a.attr("href"), 60) + ", not " + want.href(), List.of("<a>"));
            }
            return CheckResult.pass(this, "the company's call to action \"" + want.label() + "\" is on the page");
        }
        return CheckResult.fail(this, "the company's call to action \"" + want.label() + "\" is not on the page", List.of("call to action"));
    }
}
