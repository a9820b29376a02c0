package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;

/** The page exists, is an HTML5 document (doctype, lang, title, one body) and parses without errors. */
final class HtmlParsesCheck implements QualityCheck {
    @Override
    public String name() {
        return "html-parses";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        if (site.html().isBlank()) return CheckResult.fail(this, "index.html is missing or empty", List.of("index.html"));
        List<String> problems = new ArrayList<>();
        if (!site.html().stripLeading().regionMatches(true, 0, "<!DOCTYPE html>", 0, 15)) problems.add("no <!DOCTYPE html> at the start");
        if (site.doc().title().isBlank()) problems.add("no <title>");
        if (site.parseErrors() > 0) problems.add(site.parseErrors() + " parse error(s)");
        return problems.isEmpty() ? CheckResult.pass(this, "parsed without errors")
                : CheckResult.fail(this, String.join("; ", problems), List.of("index.html"));
    }
}
