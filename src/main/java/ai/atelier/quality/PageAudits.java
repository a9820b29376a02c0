package ai.atelier.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs each page through the browser once, however many browser checks read the result: the
 * audit of a {@link SiteUnderTest} is computed on first request and kept for the few most recent
 * sites. With the browser disabled or absent, it says why, and the browser checks report skipped.
 */
final class PageAudits implements AutoCloseable {
    private final ChromiumBrowser browser;
    private final String disabledReason;
    private final Map<SiteUnderTest, PageAudit> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SiteUnderTest, PageAudit> eldest) {
            return size() > 4;
        }
    };

    private PageAudits(ChromiumBrowser browser, String disabledReason) {
        this.browser = browser;
        this.disabledReason = disabledReason;
    }

    static PageAudits using(ChromiumBrowser browser) {
        return new PageAudits(browser, null);
    }

    static PageAudits disabled(String why) {
        return new PageAudits(null, why);
    }

    /** Why browser checks cannot run, or null when they can. */
    String skipReason() {
        return browser == null ? disabledReason : browser.unavailableReason();
    }

    PageAudit of(SiteUnderTest site) {
        synchronized (recent) {
            PageAudit a = recent.get(site);
            if (a != null) return a;
        }
        // audits are serialised on the browser's own thread; two checks asking at once for the same
        // site is not a pattern QaAgent produces (it runs a site's checks one after another)
        PageAudit a = browser.audit(site.dir());
        synchronized (recent) {
            recent.put(site, a);
        }
        return a;
    }

    /** Starts the browser in the background, when there is one to start. */
    void prestart() {
        if (browser != null) browser.prestart();
    }

    long browserLaunchMillis() {
        return browser == null ? 0 : browser.launchMillis();
    }

    int browserLaunches() {
        return browser == null ? 0 : browser.launches();
    }

    boolean browserRunning() {
        return browser != null && browser.running();
    }

    @Override
    public void close() {
        if (browser != null) browser.close();
    }
}
