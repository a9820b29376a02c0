package ai.atelier.site.rules;

import java.util.Locale;

/** File-name-safe ids: lower-case letters, digits and single hyphens, at most 40 characters. */
final class Slug {
    private Slug() {}

    static String of(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (t.length() > 40) t = t.substring(0, 40).replaceAll("-+$", "");
        return t.isEmpty() ? "x" : t;
    }
}
