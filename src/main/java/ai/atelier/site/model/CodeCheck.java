package ai.atelier.site.model;

import ai.atelier.site.ImageSlot;
import ai.atelier.site.SiteFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Vets the files a developer wrote in code mode before any is saved: plain file names of .html,
 * .css or .js inside the site folder (never under assets/, which is the artist's), bounded sizes,
 * an index.html, nothing that loads from outside the folder (scripts, styles, images, frames, CSS
 * url() and @import, fetches), no inline event handlers or javascript: URLs, images only from the
 * planned slots. Accepted pages get the same Content-Security-Policy the design system sets, so the
 * browser enforces the rule too.
 */
public final class CodeCheck {
    static final String CSP = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'";
    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-z0-9._-]{0,60}\\.(html|css|js)");
    private static final Pattern ASSET = Pattern.compile("assets/[a-z0-9][a-z0-9-]{0,39}\\.(svg|png)");
    private static final Pattern CSS_REF = Pattern.compile("(?i)url\\(\\s*['\"]?([^'\")]+)|@import\\s+(?:url\\()?\\s*['\"]?([^'\");\\s]+)");
    private static final Pattern JS_NETWORK = Pattern.compile("\\b(fetch|XMLHttpRequest|WebSocket|EventSource|importScripts|sendBeacon|eval)\\b|\\bimport\\s*\\(");
    static final int MAX_FILES = 6;
    static final int MAX_BYTES = 200_000;

    /** The problems with these files (empty when acceptable). {@code extraAssets} may be referenced besides the slots. */
    public List<String> validate(CodeFiles code, List<ImageSlot> slots) {
        List<String> e = new ArrayList<>();
        List<CodeFiles.File> files = code.files();
        if (files.isEmpty() || files.size() > MAX_FILES) e.add("files: give index.html, styles.css and at most " + MAX_FILES + " files in all, got " + files.size());
        Set<String> paths = new HashSet<>();
        Set<String> allowedImages = new HashSet<>();
        slots.forEach(s -> allowedImages.add(s.path()));
        for (CodeFiles.File f : files) {
            if (f == null || f.path() == null || !PATH.matcher(f.path()).matches()) {
                e.add("file path \"" + (f == null ? null : f.path()) + "\" is not allowed: use a plain lower-case name ending .html, .css or .js, no folders");
                continue;
            }
            if (!paths.add(f.path())) e.add("file " + f.path() + " appears twice");
            String c = f.content() == null ? "" : f.content();
            if (c.length() > MAX_BYTES) e.add("file " + f.path() + " is " + c.length() + " characters; keep each file under " + MAX_BYTES);
            if (f.path().endsWith(".css")) css(e, f.path(), c);
            if (f.path().endsWith(".js") && JS_NETWORK.matcher(c).find()) e.add("script " + f.path() + " must not fetch, import or eval anything");
            if (f.path().endsWith(".html")) html(e, f.path(), c, paths, allowedImages, files);
        }
        if (!paths.contains("index.html")) e.add("index.html is missing");
        return e;
    }

    private void html(List<String> e, String path, String text, Set<String> paths, Set<String> images, List<CodeFiles.File> files) {
        Document doc = Jsoup.parse(text);
        for (Element el : doc.select("iframe, frame, embed, object, base, applet")) e.add(path + ": <" + el.tagName() + "> is not allowed");
        for (Element el : doc.select("[src], link[href], [srcset], [poster], [data]")) {
            for (String attr : List.of("src", "href", "srcset", "poster", "data")) {
                if (!el.hasAttr(attr) || (el.tagName().equals("a") && attr.equals("href"))) continue;
                for (String ref : el.attr(attr).split(",")) {
                    String r = ref.strip().split("\\s+")[0];
                    if (external(r)) e.add(path + ": <" + el.tagName() + " " + attr + "=\"" + r + "\"> loads from outside the site");
                    else if (el.tagName().equals("img") && attr.equals("src") && !images.contains(r)) {
                        e.add(path + ": <img src=\"" + r + "\"> is not one of the image slots (" + String.join(", ", images) + ")");
                    } else if ((el.tagName().equals("script") || el.tagName().equals("link")) && !r.isEmpty() && !r.startsWith("#")
                            && files.stream().noneMatch(f -> r.equals(f.path()))) {
                        e.add(path + ": <" + el.tagName() + "> refers to " + r + ", which is not among the files");
                    }
                }
            }
        }
        for (Element el : doc.getAllElements()) {
            for (var a : el.attributes()) {
                String k = a.getKey().toLowerCase(Locale.ROOT);
                if (k.startsWith("on")) e.add(path + ": inline event handler " + k + " on <" + el.tagName() + ">; use script.js");
                if (a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) e.add(path + ": javascript: URL on <" + el.tagName() + ">");
            }
        }
        for (Element s : doc.select("script:not([src])")) if (!s.data().isBlank()) e.add(path + ": inline <script>; put scripts in script.js");
        for (Element s : doc.select("style")) css(e, path, s.data());
        for (Element s : doc.select("[style]")) css(e, path, s.attr("style"));
        if (!doc.select("meta[http-equiv~=(?i)refresh]").isEmpty()) e.add(path + ": <meta http-equiv=refresh> is not allowed");
    }

    private static void css(List<String> e, String path, String css) {
        Matcher m = CSS_REF.matcher(css);
        while (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2);
            if (external(ref)) e.add(path + ": CSS loads " + ref.strip() + " from outside the site");
            else if (m.group(2) != null) e.add(path + ": CSS @import is not allowed; put all styles in styles.css");
        }
    }

    static boolean external(String ref) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        if (r.isEmpty()) return false;
        if (r.startsWith("data:image/") && !r.startsWith("data:image/svg")) return false;
        return r.startsWith("//") || r.matches("^[a-z][a-z0-9+.-]*:.*");
    }

    /** The accepted files as site files, each page carrying the Content-Security-Policy. */
    public List<SiteFile> toSiteFiles(CodeFiles code) {
        List<SiteFile> out = new ArrayList<>();
        for (CodeFiles.File f : code.files()) {
            String c = f.content();
            if (f.path().endsWith(".html") && !c.toLowerCase(Locale.ROOT).contains("content-security-policy")) c = withCsp(c);
            out.add(SiteFile.text(f.path(), c));
        }
        return out;
    }

    static String withCsp(String html) {
        String meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">";
        Matcher m = Pattern.compile("(?i)<head[^>]*>").matcher(html);
        return m.find() ? html.substring(0, m.end()) + "\n" + meta + html.substring(m.end()) : meta + "\n" + html;
    }

    static boolean isAsset(String path) {
        return ASSET.matcher(path).matches();
    }
}
