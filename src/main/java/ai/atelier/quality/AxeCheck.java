package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Accessibility as axe-core 4.11 (vendored, run inside headless Chromium) judges the rendered
 * page. Serious and critical violations fail the check; minor and moderate ones are listed in the
 * details as advice.
 */
final class AxeCheck extends BrowserCheck {
    AxeCheck(PageAudits audits) {
        super(audits);
    }

    @Override
    public String name() {
        return "accessibility-axe";
    }

    @Override
    CheckResult judge(SiteUnderTest site, PageAudit audit) {
        List<String> serious = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (PageAudit.AxeViolation v : audit.violations()) {
            String line = v.impact() + " " + v.rule() + ": " + v.help() + " at " + String.join(" ", v.targets());
            (v.serious() ? serious : advice).add(line);
        }
        String minor = advice.isEmpty() ? "" : "; " + advice.size() + " minor/moderate: " + String.join(" | ", advice.stream().map(a -> Text.clip(a, 120)).toList());
        if (serious.isEmpty()) return CheckResult.pass(this, "axe-core: no serious or critical violation" + minor);
        List<String> locations = new ArrayList<>(serious);
        locations.addAll(advice);
        return CheckResult.fail(this, "axe-core: " + serious.size() + " serious or critical violation(s)" + minor, locations);
    }
}
