package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.jsoup.nodes.Element;

/**
 * Nothing loads from outside the site folder: no external or protocol-relative scripts, styles,
 * fonts, images, frames or media, no external url() or @import in CSS, no inline event handlers,
 * no javascript: URLs, no meta refresh.
 */
final class NoExternalLoadsCheck implements QualityCheck {
    @Override
    public String name() {
        return "no-external-loads";
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> found = new ArrayList<>();
        for (Element e : site.doc().select("script[src], img, iframe, frame, embed, object, source, video, audio, track, link, input[src], image")) {
            for (String attr : List.of("src", "href", "data", "srcset", "poster")) {
                if (!e.hasAttr(attr)) continue;
                if (e.tagName().equals("link") && attr.equals("href") && !loads(e)) continue;
                for (String ref : e.attr(attr).split(",")) {
                    String r = ref.strip().split("\\s+")[0];
                    if (external(r)) found.add("<" + e.tagName() + " " + attr + "=\"" + r + "\">");
                }
            }
        }
        for (Element e : site.doc().getAllElements()) {
            for (var a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) found.add("<" + e.tagName() + " " + key + "> inline event handler");
                if ((key.equals("href") || key.equals("src") || key.equals("action") || key.equals("formaction"))
                        && a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) found.add("<" + e.tagName() + "> javascript: URL");
            }
        }
        if (!site.doc().select("meta[http-equiv~=(?i)refresh]").isEmpty()) found.add("<meta http-equiv=refresh>");
        List<String> css = new ArrayList<>();
        site.doc().select("style").forEach(s -> css.add(s.data()));
        site.doc().select("[style]").forEach(s -> css.add(s.attr("style")));
        for (Element l : site.doc().select("link[rel~=(?i)stylesheet][href]")) {
            if (ReferencedFilesCheck.isLocal(l.attr("href"))) {
                String text = site.file(l.attr("href"));
                if (text != null) css.add(text);
            }
        }
        for (String c : css) {
            Matcher m = ReferencedFilesCheck.CSS_URL.matcher(c);
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2);
                if (external(ref)) found.add("CSS url(" + ref + ")");
            }
        }
        return found.isEmpty() ? CheckResult.pass(this, "nothing loads from outside the site folder")
                : CheckResult.fail(this, found.size() + " external load(s)", found);
    }

    private static boolean loads(Element link) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        return rel.contains("stylesheet") || rel.contains("icon") || rel.contains("preload") || rel.contains("prefetch")
                || rel.contains("modulepreload") || rel.contains("manifest") || rel.contains("import") || rel.contains("preconnect");
    }

    static boolean external(String ref) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        if (r.isEmpty() || r.startsWith("data:image/") && !r.startsWith("data:image/svg")) return false;
        return r.startsWith("//") || r.matches("^[a-z][a-z0-9+.-]*:.*");
    }
}
