package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** No phrase the policy bans appears in the page's text, title or alt and title attributes (any case, any spacing). */
final class BannedPhrasesCheck implements QualityCheck {
    @Override
    public String name() {
        return "banned-phrases";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        var policies = site.company().policies();
        List<String> found = new ArrayList<>();
        String body = site.doc().text();
        String hit = policies.findBannedPhrase(body);
        if (hit != null) found.add("page text: \"" + hit + "\"");
        for (Element e : site.doc().select("[alt], [title], [aria-label], meta[content]")) {
            for (String attr : List.of("alt", "title", "aria-label", "content")) {
                String h = policies.findBannedPhrase(e.attr(attr));
                if (h != null) found.add("<" + e.tagName() + " " + attr + ">: \"" + h + "\"");
            }
        }
        return found.isEmpty() ? CheckResult.pass(this, "no banned phrase among " + policies.bannedPhrases().size())
                : CheckResult.fail(this, "banned phrase(s) on the page", found);
    }
}
