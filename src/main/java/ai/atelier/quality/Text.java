package ai.atelier.quality;

/** Small text helpers for check details: bounded, single-line excerpts of page content. */
final class Text {
    private Text() {}

    static String clip(String s, int max) {
        if (s == null) return "";
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
