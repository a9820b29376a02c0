package ai.atelier.site.design;

/** Colour arithmetic on #RRGGBB strings: WCAG 2.x luminance and contrast, and mixing for tints. */
public final class Colors {
    private Colors() {}

    public static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    public static double luminance(String hex) {
        int c = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((c >> 16) & 255) + 0.7152 * channel((c >> 8) & 255) + 0.0722 * channel(c & 255);
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** The first candidate that reaches {@code min} contrast on {@code background}, else the best of them. */
    public static String readable(String background, double min, String... candidates) {
        String best = candidates[0];
        for (String c : candidates) {
            if (ratio(c, background) >= min) return c;
            if (ratio(c, background) > ratio(best, background)) best = c;
        }
        return best;
    }

    /** {@code a} mixed towards {@code b} by {@code t} (0 = a, 1 = b). */
    public static String mix(String a, String b, double t) {
        int ca = Integer.parseInt(a.substring(1), 16), cb = Integer.parseInt(b.substring(1), 16);
        int r = (int) Math.round(((ca >> 16) & 255) * (1 - t) + ((cb >> 16) & 255) * t);
        int g = (int) Math.round(((ca >> 8) & 255) * (1 - t) + ((cb >> 8) & 255) * t);
        int bl = (int) Math.round((ca & 255) * (1 - t) + (cb & 255) * t);
        return String.format("#%02X%02X%02X", r, g, bl);
    }
}
