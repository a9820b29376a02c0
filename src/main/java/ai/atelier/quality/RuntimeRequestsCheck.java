package ai.atelier.quality;

/**
 * While the browser showed the page, it asked for nothing outside the site folder. The static
 * no-external-loads check reads the markup; this one catches what only running the page reveals
 * (a script's fetch, a redirect). Every such request was refused, so nothing external loaded.
 */
final class RuntimeRequestsCheck extends BrowserCheck {
    RuntimeRequestsCheck(PageAudits audits) {
        super(audits);
    }

    @Override
    public String name() {
        return "runtime-requests";
    }

    @Override
    CheckResult judge(SiteUnderTest site, PageAudit audit) {
        return audit.blockedRequests().isEmpty() ? CheckResult.pass(this, "the page requested nothing outside its folder")
                : CheckResult.fail(this, audit.blockedRequests().size() + " request(s) outside the site folder (blocked)", audit.blockedRequests());
    }
}
