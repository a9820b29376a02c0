package ai.atelier.quality;

import java.util.List;

/** Exactly one h1: the page has one main subject, and assistive technology jumps to it. */
final class SingleH1Check implements QualityCheck {
    @Override
    public String name() {
        return "single-h1";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        var h1s = site.doc().select("h1");
        if (h1s.size() == 1) return CheckResult.pass(this, "one h1: \"" + Text.clip(h1s.first().text(), 80) + "\"");
        return CheckResult.fail(this, h1s.isEmpty() ? "the page has no h1" : "the page has " + h1s.size() + " h1 elements; it needs exactly one",
                h1s.stream().map(h -> "<h1>" + Text.clip(h.text(), 60)).toList());
    }
}
