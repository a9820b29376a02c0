package ai.atelier.quality;

/** One thing a page must get right. Each check is small, independent and tested on a broken page. */
public interface QualityCheck {
    String name();

    default CheckResult.Severity severity() {
        return CheckResult.Severity.BLOCKING;
    }

    CheckResult check(SiteUnderTest site);
}
