package ai.atelier.quality;

/**
 * A check that needs the page rendered in a real browser. With no browser (none installed, or one
 * that will not start) it reports skipped with the reason, never passed; when a running browser
 * fails on the page it fails, since a page a browser cannot show is not fit to send.
 */
abstract class BrowserCheck implements QualityCheck {
    private final PageAudits audits;

    BrowserCheck(PageAudits audits) {
        this.audits = audits;
    }

    @Override
    public final CheckResult check(SiteUnderTest site) {
        String skip = audits.skipReason();
        if (skip != null) return CheckResult.skipped(this, skip);
        PageAudit audit = audits.of(site);
        if (audit.browserUnavailable()) return CheckResult.skipped(this, audit.error());
        if (audit.error() != null) return CheckResult.fail(this, "the page could not be checked in the browser: " + audit.error(), java.util.List.of());
        return judge(site, audit);
    }

    abstract CheckResult judge(SiteUnderTest site, PageAudit audit);
}
