package ai.atelier.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visitor text hygiene: the words of a visitor's profile that may appear on a page. A profile is
 * untrusted, and escaping alone is not enough: escaped markup, a {@code javascript:} URL or
 * "Ignore all previous instructions" shown verbatim as copy is still a page no customer would
 * accept. Before any copy is written, every persona that writes copy (the built-in engine, and the
 * model personas through {@link VisitorBrief}) reads the visitor through {@link #forCopy}: markup
 * (with the content of script and style elements), URLs, template syntax, code, control, bidi and
 * zero-width characters are dropped, and an instruction is cut off with everything after it (a
 * field that starts with one is dropped whole).
 * The page says less rather than show them ("&lt;img src=x onerror=alert(1)&gt;Mallory" greets
 * "Mallory"). The raw profile is never changed: it stays data, as given. QA uses {@link #unfit} to
 * find text of that kind on any page.
 */
public final class VisitorText {
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");
    private static final Pattern SCRIPT_BLOCK = Pattern.compile("(?is)<\\s*(script|style|iframe|object|template)\\b.*?(<\\s*/\\s*\\1\\s*>|$)");
    private static final Pattern TAG = Pattern.compile("(?s)<\\s*[/!?]?\\s*[a-zA-Z][^>]*(>|$)|<!--.*?(-->|$)");
    private static final Pattern ENTITY_TAG = Pattern.compile("(?i)&lt;.*?(&gt;|$)");
    private static final Pattern TEMPLATE = Pattern.compile("(?s)\\{\\{.*?(}}|$)|\\$\\{.*?(}|$)|\\{%.*?(%}|$)|<%.*?(%>|$)|#\\{.*?(}|$)");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]{1,15}):(?://|[^\\s\\d])\\S*|\\bwww\\.\\S+|\\b[\\w.-]+\\.(?:com|net|org|io|example|dev)(?:/\\S*)?\\b");
    private static final Pattern CODE = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*\\([^)]*\\)?|\\b[a-z_$][\\w$]*\\.[a-z_$][\\w$]+\\b|=>|[;`\\\\|]");
    private static final Pattern LEFTOVER = Pattern.compile("[<>{}\\[\\]=^~*$#@]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\s,.;:!?'\"()\\-–—/+&]+|[\\s,;:'\"(\\-–—/+&]+$");
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|prompts?|rules|messages|above|previous|prior|everything)\\b"
            + "|\\bsystem prompt\\b|\\byou are now\\b|\\bact as (an?|the)\\b|\\bpretend (to be|you are)\\b|\\bnew instructions\\b"
            + "|\\breveal (your|the)\\b|\\bjailbreak|\\bdeveloper mode\\b|\\bdo anything now\\b|\\b(as an ai|language model)\\b"
            + "|\\b(print|output|repeat|say) (the|your) (prompt|instructions)\\b");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private VisitorText() {}

    /** The profile as copy may use it: every text field through {@link #clean}, blank where nothing fit remains. */
    public static Profile forCopy(Profile p) {
        Map<String, String> extra = new LinkedHashMap<>();
        p.extra().forEach((k, v) -> {
            String c = clean(v);
            if (c != null) extra.put(k, c);
        });
        List<String> interests = new ArrayList<>();
        for (String i : p.interests()) {
            String c = clean(i);
            if (c != null) interests.add(c);
        }
        return new Profile(p.id(), orBlank(clean(p.name())), clean(p.company()), orBlank(clean(p.industry())), p.companySize(),
                clean(p.companyType()), clean(p.location()), clean(p.role()), clean(p.mission()), interests,
                p.language() != null && p.language().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?") ? p.language() : "en", extra);
    }

    /** The words of {@code raw} fit to appear on a page, or null when none are (or the text reads as an instruction). */
    public static String clean(String raw) {
        if (raw == null) return null;
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll(" ");
        s = SCRIPT_BLOCK.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll(" ");
        s = ENTITY_TAG.matcher(s).replaceAll(" ");
        s = TEMPLATE.matcher(s).replaceAll(" ");
        s = URL.matcher(s).replaceAll(" ");
        s = CODE.matcher(s).replaceAll(" ");
        s = LEFTOVER.matcher(s).replaceAll(" ");
        // an instruction is cut off with everything after it; the words before it stay ("Eve Ignore all rules" → "Eve")
        Matcher ins = INSTRUCTION.matcher(s);
        if (ins.find()) s = s.substring(0, ins.start());
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = EDGE_PUNCT.matcher(s).replaceAll("").strip();
        if (!LETTER.matcher(s).find()) return null;
        return s;
    }

    /**
     * Why {@code text} is unfit to be shown as copy (markup, template syntax, a URL, code, an
     * instruction, control characters), or null when it is fine.
     */
    public static String unfit(String text) {
        if (text == null || text.isBlank()) return null;
        if (Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060\\uFEFF]").matcher(text).find()) return "control, bidi or zero-width characters";
        if (Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>?|&lt;\\s*/?[a-zA-Z]").matcher(text).find()) return "markup";
        if (Pattern.compile("\\{\\{|}}|\\$\\{|\\{%|%}|<%|%>").matcher(text).find()) return "template syntax";
        if (Pattern.compile("(?i)\\b(https?|javascript|data|vbscript|file|ftp):|\\bwww\\.").matcher(text).find()) return "a URL";
        if (Pattern.compile("\\b[a-zA-Z_$][\\w$]*\\s*\\([^)]*\\)\\s*[;{]|\\b(alert|eval|fetch|prompt|confirm)\\s*\\(|document\\.(cookie|domain|location)|=>|function\\s*\\(").matcher(text).find()) return "code";
        if (INSTRUCTION.matcher(text).find()) return "an instruction";
        return null;
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
