package ai.atelier.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company's own call to action, the same for the generator and QA: company.yaml's
 * {@code callToAction} when given; else the next step the design guidelines name on their
 * call-to-action line (a quoted label, or the step after "such as" / "for example": "booking a
 * one-hour call" → "Book a one-hour call"); else a neutral "Contact us". Never a phrase the policy bans.
 */
public final class CompanyCallToAction {
    public static final String NEUTRAL = "Contact us";
    private static final Pattern CTA_LINE = Pattern.compile("(?i)call[ -]to[ -]action");
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{3,60})[\"”]");
    private static final Pattern SUCH_AS = Pattern.compile("(?i)\\b(?:such as|for example|e\\.g\\.,?|like)\\s+(.+)");
    private static final Pattern CUT = Pattern.compile("(?i),|\\.(\\s|$)|;|\\s+or\\s+|\\s+with\\s+|\\s+and then\\s+|\\)");
    private static final Map<String, String> STEMS = Map.of("schedul", "schedule", "arrang", "arrange", "tak", "take", "mak", "make",
            "shar", "share", "explor", "explore", "us", "use", "sav", "save", "secur", "secure");

    private CompanyCallToAction() {}

    /** The label (and href when company.yaml gives one) of the company's call to action. */
    public static CompanyInfo.CallToAction of(Company c) {
        CompanyInfo.CallToAction own = c.info().callToAction();
        if (own != null && c.policies().findBannedPhrase(own.label()) == null) return own;
        String fromGuidelines = fromGuidelines(c.designGuidelines());
        if (fromGuidelines != null && c.policies().findBannedPhrase(fromGuidelines) == null) return new CompanyInfo.CallToAction(fromGuidelines, null);
        return new CompanyInfo.CallToAction(NEUTRAL, null);
    }

    static String fromGuidelines(String guidelines) {
        if (guidelines == null) return null;
        // A line that is about the call to action (it starts with it) first, then any line naming it.
        for (boolean leading : new boolean[] {true, false}) {
            for (String line : guidelines.split("\\R")) {
                String plain = line.replaceAll("[*_`#>]", "").replaceFirst("^\\s*(\\d+\\.|[-+])?\\s*", "").strip();
                Matcher at = CTA_LINE.matcher(plain);
                if (!at.find() || (leading && at.start() != 0)) continue;
                String after = plain.substring(at.end());
                Matcher q = QUOTED.matcher(after);
                if (q.find()) return capitalise(q.group(1).strip());
                Matcher m = SUCH_AS.matcher(after);
                if (m.find()) {
                    String step = CUT.split(m.group(1), 2)[0].strip();
                    if (step.length() >= 3 && step.length() <= 60) return imperative(step);
                }
            }
        }
        return null;
    }

    /** "booking a one-hour call" → "Book a one-hour call"; text that does not start with a gerund is only capitalised. */
    static String imperative(String step) {
        int sp = step.indexOf(' ');
        String first = sp < 0 ? step : step.substring(0, sp);
        String rest = sp < 0 ? "" : step.substring(sp);
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ing") && lower.length() > 5) {
            String stem = lower.substring(0, lower.length() - 3);
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2) && !stem.endsWith("ss") && !stem.endsWith("ll")) {
                stem = stem.substring(0, stem.length() - 1);
            }
            first = STEMS.getOrDefault(stem, stem);
        }
        return capitalise(first + rest);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
