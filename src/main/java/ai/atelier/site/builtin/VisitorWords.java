package ai.atelier.site.builtin;

import ai.atelier.knowledge.Policies;
import ai.atelier.site.Profile;
import java.util.List;

/**
 * The visitor's own words, made fit for copy: shortened to a sensible length, and dropped where
 * they contain a phrase the company's policy bans (a visitor cannot make the page say it).
 */
final class VisitorWords {
    private final Profile p;
    private final Policies policies;
    private final String industryLabel;
    private final List<String> interests;
    private final String companyName;

    VisitorWords(Profile p, Policies policies, String matchedIndustry, String companyName) {
        this.p = p;
        this.policies = policies;
        this.industryLabel = shorten(allowed(matchedIndustry != null ? matchedIndustry : p.industry().toLowerCase(java.util.Locale.ROOT), "your industry"), 40);
        this.interests = p.interests().stream().filter(i -> policies.findBannedPhrase(i) == null).map(i -> shorten(i, 40)).limit(3).toList();
        this.companyName = companyName;
    }

    String industryLabel() {
        return industryLabel;
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

    String get(String key) {
        return switch (key) {
            case "firstName" -> shorten(allowed(p.firstName(), "Hello"), 40);
            case "organisation" -> shorten(allowed(p.organisation(), "your organisation"), 60);
            case "role" -> p.role() == null ? "a leader" : shorten(allowed(p.role(), "a leader"), 60);
            case "mission" -> missionQuote() == null ? "" : missionQuote();
            case "industryLabel" -> industryLabel;
            case "interestsShort" -> interestsShort();
            case "companyName" -> companyName;
            default -> throw new IllegalStateException("unknown copy placeholder {" + key + "}");
        };
    }

    private String interestsShort() {
        if (interests.isEmpty()) return "your priorities";
        if (interests.size() == 1) return interests.get(0).toLowerCase(java.util.Locale.ROOT);
        return interests.get(0).toLowerCase(java.util.Locale.ROOT) + " and " + interests.get(1).toLowerCase(java.util.Locale.ROOT);
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
