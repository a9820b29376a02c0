package ai.atelier.quality;

import java.util.List;

/** The page declares its language on the html element, so screen readers pronounce it right. */
final class LangCheck implements QualityCheck {
    @Override
    public String name() {
        return "lang";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        var html = site.doc().selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").strip();
        if (lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) return CheckResult.pass(this, "lang=\"" + lang + "\"");
        return CheckResult.fail(this, lang.isEmpty() ? "the html element has no lang attribute" : "lang=\"" + lang + "\" is not a language tag",
                List.of("<html>"));
    }
}
