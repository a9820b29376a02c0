package ai.atelier.quality;

import ai.atelier.knowledge.Policies;
import java.util.List;

/** The policy's required disclaimer appears on the page word for word (case and spacing aside). */
final class DisclaimerCheck implements QualityCheck {
    @Override
    public String name() {
        return "disclaimer";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        String required = site.company().policies().requiredDisclaimer();
        if (required == null) return CheckResult.pass(this, "the policy requires no disclaimer");
        boolean present = Policies.normalise(site.doc().body() == null ? "" : site.doc().body().text()).contains(Policies.normalise(required));
        return present ? CheckResult.pass(this, "required disclaimer present")
                : CheckResult.fail(this, "required disclaimer missing: \"" + required + "\"", List.of("footer"));
    }
}
