package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Every file the page or its stylesheets reference by a relative path exists inside the site folder. */
final class ReferencedFilesCheck implements QualityCheck {
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

    @Override
    public String name() {
        return "referenced-files";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Element e : site.doc().select("[src], link[href]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            if (!isLocal(ref)) continue;
            count++;
            if (!site.exists(strip(ref))) missing.add(e.tagName() + " → " + ref);
            if (e.tagName().equals("link") && ref.endsWith(".css")) {
                String css = site.file(strip(ref));
                if (css != null) count += cssRefs(site, css, missing);
            }
        }
        return missing.isEmpty() ? CheckResult.pass(this, count + " local reference(s), all present")
                : CheckResult.fail(this, missing.size() + " referenced file(s) missing", missing);
    }

    private static int cssRefs(SiteUnderTest site, String css, List<String> missing) {
        int n = 0;
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2);
            if (!isLocal(ref) || ref.startsWith("data:")) continue;
            n++;
            if (!site.exists(strip(ref))) missing.add("styles.css → " + ref);
        }
        return n;
    }

    static boolean isLocal(String ref) {
        String r = ref.strip().toLowerCase();
        return !r.isEmpty() && !r.startsWith("#") && !r.contains(":") && !r.startsWith("//");
    }

    private static String strip(String ref) {
        String r = ref.strip();
        int q = r.indexOf('?');
        if (q >= 0) r = r.substring(0, q);
        int h = r.indexOf('#');
        if (h >= 0) r = r.substring(0, h);
        return r.startsWith("./") ? r.substring(2) : r;
    }
}
