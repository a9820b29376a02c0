package ai.atelier.quality;

import java.nio.file.Files;
import java.util.List;

/** Desktop (1280 px) and phone (360 px) screenshots are saved in the site folder for people to look at. */
final class ScreenshotsCheck extends BrowserCheck {
    ScreenshotsCheck(PageAudits audits) {
        super(audits);
    }

    @Override
    public String name() {
        return "screenshots";
    }

    @Override
    public CheckResult.Severity severity() {
        return CheckResult.Severity.ADVISORY;
    }

    @Override
    CheckResult judge(SiteUnderTest site, PageAudit audit) {
        List<String> missing = audit.screenshots().stream().filter(s -> !Files.isRegularFile(site.dir().resolve(s))).toList();
        if (audit.screenshots().isEmpty() || !missing.isEmpty()) return CheckResult.fail(this, "screenshots not saved", missing);
        return CheckResult.pass(this, "saved " + String.join(", ", audit.screenshots()));
    }
}
