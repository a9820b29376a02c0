package ai.atelier.site.rules;

import ai.atelier.knowledge.IndustryMatcher;
import ai.atelier.knowledge.Policies;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorText;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's own words, made fit for copy: first through {@link VisitorText} hygiene (markup,
 * URLs, template syntax, code and instructions dropped), then shortened to a sensible length and
 * dropped where they contain a phrase the company's policy bans (a visitor cannot make the page
 * say it). A word the visitor did not give is blank, never a filler phrase: the copy templates
 * leave out the part that needs it ({@code [[…]]} segments).
 */
final class VisitorWords {
    private final Profile p;
    private final Policies policies;
    private final String industryLabel;
    private final String nearestIndustry;
    private final List<String> interests;
    private final String companyName;

    VisitorWords(Profile raw, Policies policies, IndustryMatcher.Match match, String companyName) {
        this.p = VisitorText.forCopy(raw);
        this.policies = policies;
        String own = allowed(p.industry().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' '), "");
        boolean exact = match != null && match.kind() == IndustryMatcher.Kind.EXACT;
        this.industryLabel = shorten(exact ? match.key() : own, 40);
        this.nearestIndustry = match != null && match.kind() == IndustryMatcher.Kind.NEAREST ? match.key() : "";
        this.interests = p.interests().stream().filter(i -> policies.findBannedPhrase(i) == null).map(i -> shorten(i, 40)).limit(3).toList();
        this.companyName = companyName;
    }

    String industryLabel() {
        return industryLabel.isBlank() ? "your industry" : industryLabel;
    }

    List<String> interestList() {
        return interests;
    }

    boolean hasInterests() {
        return !interests.isEmpty();
    }

    String missionQuote() {
        if (p.mission() == null || policies.findBannedPhrase(p.mission()) != null) return null;
        return shorten(p.mission(), 160);
    }

    /** A placeholder's words; blank when the visitor gave nothing usable for it. */
    String get(String key) {
        return switch (key) {
            case "firstName" -> shorten(allowed(p.firstName(), ""), 40);
            case "organisation" -> shorten(allowed(p.company(), ""), 60);
            case "orgOrYou" -> shorten(allowed(p.company(), "your team"), 60);
            case "role" -> shorten(allowed(p.role(), ""), 60);
            case "mission" -> missionQuote() == null ? "" : missionQuote();
            case "industryLabel" -> industryLabel();
            case "nearestIndustry" -> nearestIndustry;
            case "interestsShort" -> interestsShort();
            case "companyName" -> companyName;
            default -> throw new IllegalStateException("unknown copy placeholder {" + key + "}");
        };
    }

    private String interestsShort() {
        if (interests.isEmpty()) return "";
        if (interests.size() == 1) return interests.get(0).toLowerCase(Locale.ROOT);
        return interests.get(0).toLowerCase(Locale.ROOT) + " and " + interests.get(1).toLowerCase(Locale.ROOT);
    }

    private String allowed(String s, String fallback) {
        return s == null || s.isBlank() || policies.findBannedPhrase(s) != null ? fallback : s;
    }

    static String shorten(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max - 1)) + "…";
    }
}
