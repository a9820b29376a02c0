package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The page has the landmarks people navigate by: one banner (header), navigation, one main and a
 * contentinfo (footer), as elements or ARIA roles.
 */
final class LandmarksCheck implements QualityCheck {
    @Override
    public String name() {
        return "landmarks";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        var doc = site.doc();
        List<String> problems = new ArrayList<>();
        // header/footer are landmarks only when not nested inside sectioning content.
        int banners = doc.select("body > header, body > *:not(article,aside,main,nav,section) > header, [role=banner]").size();
        int navs = doc.select("nav, [role=navigation]").size();
        int mains = doc.select("main, [role=main]").size();
        int footers = doc.select("body > footer, body > *:not(article,aside,main,nav,section) > footer, [role=contentinfo]").size();
        if (banners == 0) problems.add("no header (banner) landmark");
        if (navs == 0) problems.add("no nav landmark");
        if (mains != 1) problems.add(mains == 0 ? "no main landmark" : mains + " main landmarks; there must be one");
        if (footers == 0) problems.add("no footer (contentinfo) landmark");
        return problems.isEmpty() ? CheckResult.pass(this, "header, nav, main and footer landmarks present")
                : CheckResult.fail(this, String.join("; ", problems), problems);
    }
}
