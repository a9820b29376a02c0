package ai.atelier.quality;

/** At phone width (360 px) the page fits: nothing makes the reader scroll sideways. */
final class NoHorizontalScrollCheck extends BrowserCheck {
    NoHorizontalScrollCheck(PageAudits audits) {
        super(audits);
    }

    @Override
    public String name() {
        return "no-horizontal-scroll";
    }

    @Override
    CheckResult judge(SiteUnderTest site, PageAudit audit) {
        if (audit.phoneDocumentWidth() <= audit.phoneViewportWidth()) {
            return CheckResult.pass(this, "fits " + audit.phoneViewportWidth() + " px without horizontal scroll");
        }
        return CheckResult.fail(this, "at " + audit.phoneViewportWidth() + " px the page is " + audit.phoneDocumentWidth()
                + " px wide and scrolls sideways", audit.overflowing());
    }
}
