package ai.atelier.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The page's own stylesheets are valid CSS, as the W3C checker's CSS validator judges them. A
 * browser silently drops an invalid declaration, so a mistake such as an unquoted font name with a
 * digit in it ("Source Sans 3") throws away the whole font stack without any error on screen.
 * (CSS inside the page's style elements is already covered by html-validity.) Advisory by default:
 * the page still works, but not as designed.
 */
final class CssValidityCheck implements QualityCheck {
    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><title>css</title><style>\n";
    private static final int MAX_LOCATIONS = 25;
    private static final int CACHED_SHEETS = 64;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * The checker's answer per stylesheet text. Every visitor of a company gets the same stylesheet
     * (it comes from the brand, not the visitor), and checking it costs about as much as checking
     * the page; the answer depends on the text alone, so a site whose sheet was seen before reuses
     * it. Keyed by the text itself (exact, no hash collisions); bounded, least recently used out.
     */
    private static final Map<String, String> ANSWERS = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_SHEETS;
        }
    });

    @Override
    public String name() {
        return "css-validity";
    }

    @Override
    public CheckResult.Severity severity() {
        return CheckResult.Severity.ADVISORY;
    }

    private static String checked(String doc) throws Exception {
        String out = ANSWERS.get(doc);
        if (out == null) {
            out = NuChecker.shared().check(doc, -1); // the stylesheet starts on the wrapper's second line
            ANSWERS.put(doc, out);
        }
        return out;
    }

    @Override
    public CheckResult check(SiteUnderTest site) {
        List<String> errors = new ArrayList<>();
        int sheets = 0;
        for (Element link : site.doc().select("link[rel~=(?i)stylesheet][href]")) {
            String href = link.attr("href").replaceFirst("^\\./", "");
            if (!ReferencedFilesCheck.isLocal(href)) continue;
            String css = site.file(href);
            if (css == null) continue;
            sheets++;
            String doc = HEAD + css.replace("</style", "<\\/style") + "\n</style></head><body><p>css</p></body></html>";
            try {
                String out = checked(doc);
                for (JsonNode m : json.readTree(out).path("messages")) {
                    if (!"error".equals(m.path("type").asText())) continue;
                    String msg = m.path("message").asText();
                    if (!msg.startsWith("CSS:")) continue;
                    if (errors.size() < MAX_LOCATIONS) errors.add(href + ":" + m.path("lastLine").asInt() + ":" + m.path("firstColumn").asInt(m.path("lastColumn").asInt()) + ": " + msg);
                }
            } catch (Exception e) {
                return CheckResult.fail(this, "the CSS validator could not run: " + e, List.of(href));
            }
        }
        if (sheets == 0) return CheckResult.skipped(this, "the page links no local stylesheet");
        return errors.isEmpty() ? CheckResult.pass(this, sheets + " stylesheet(s), valid CSS (W3C checker)")
                : CheckResult.fail(this, errors.size() + " CSS error(s): browsers drop these declarations", errors);
    }
}
