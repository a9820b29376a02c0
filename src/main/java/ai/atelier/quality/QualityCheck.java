package ai.atelier.quality;

/** One thing a page must get right. Each check is small, independent and tested on a broken page. */
public interface QualityCheck {
    String name();

    default CheckResult.Severity severity() {
        return CheckResult.Severity.BLOCKING;
    }

    /**
     * True for a check that costs milliseconds of CPU (the W3C checker): QA starts it on another
     * core while the light checks run, so a site's QA takes about as long as its heaviest check.
     * A heavy check runs beside the others, so it may read only the page's text and files, never
     * the shared parsed document (jsoup's tree is not safe to read from two threads).
     */
    default boolean heavy() {
        return false;
    }

    CheckResult check(SiteUnderTest site);
}
