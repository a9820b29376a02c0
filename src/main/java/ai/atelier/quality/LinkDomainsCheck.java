package ai.atelier.quality;

import ai.atelier.site.design.DesignSystem;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Every link goes to the page itself, or to a domain the company's policy allows. */
final class LinkDomainsCheck implements QualityCheck {
    @Override
    public String name() {
        return "link-domains";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> bad = new ArrayList<>();
        List<Element> links = site.doc().select("a[href], area[href], form[action]");
        for (Element a : links) {
            String href = a.hasAttr("href") ? a.attr("href") : a.attr("action");
            boolean localFile = ReferencedFilesCheck.isLocal(href);
            if (!localFile && !DesignSystem.Links.allowed(href, site.company().policies())) bad.add(href);
        }
        return bad.isEmpty() ? CheckResult.pass(this, links.size() + " link(s), all allowed")
                : CheckResult.fail(this, bad.size() + " link(s) to domains the policy does not allow", bad);
    }
}
