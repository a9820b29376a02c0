package ai.atelier;

import java.util.Locale;

/**
 * The one way Atelier turns a name into a file-name-safe id (site ids, site folders of a
 * comparison, chart files, knowledge-chunk and spec-source anchors, index cache folders): lower-case
 * ASCII letters and digits with single hyphens between them, no hyphen at either end, at most a
 * given length. One function, so an anchor a spec cites ("testimonials.yaml#dana-ortiz") is always
 * the anchor the knowledge index wrote, and an id never needs escaping in a path or a URL.
 */
public final class Slug {
    /** The length {@link #of(String)} cuts at. */
    public static final int MAX = 40;

    private Slug() {}

    /** {@code text} as a slug of at most {@value #MAX} characters; "x" when nothing is left. */
    public static String of(String text) {
        return of(text, MAX, "x");
    }

    /** {@code text} as a slug of at most {@code maxLength} characters; {@code fallback} when nothing is left (or text is null). */
    public static String of(String text, int maxLength, String fallback) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (t.length() > maxLength) t = t.substring(0, maxLength).replaceAll("-+$", "");
        return t.isEmpty() ? fallback : t;
    }
}
