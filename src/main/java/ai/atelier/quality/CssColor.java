package ai.atelier.quality;

import ai.atelier.site.design.Colors;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CSS colour value as #RRGGBB plus alpha, read from hex, rgb()/rgba() or a common colour keyword. */
record CssColor(String hex, double alpha) {
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([0-9.]+)%?[\\s,]+([0-9.]+)%?[\\s,]+([0-9.]+)%?(?:\\s*[,/]\\s*([0-9.]+)(%?))?\\s*\\)");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("white", "#FFFFFF"), Map.entry("black", "#000000"), Map.entry("red", "#FF0000"), Map.entry("green", "#008000"),
            Map.entry("blue", "#0000FF"), Map.entry("yellow", "#FFFF00"), Map.entry("gray", "#808080"), Map.entry("grey", "#808080"),
            Map.entry("silver", "#C0C0C0"), Map.entry("lightgray", "#D3D3D3"), Map.entry("lightgrey", "#D3D3D3"), Map.entry("darkgray", "#A9A9A9"),
            Map.entry("navy", "#000080"), Map.entry("orange", "#FFA500"), Map.entry("purple", "#800080"), Map.entry("maroon", "#800000"),
            Map.entry("teal", "#008080"), Map.entry("whitesmoke", "#F5F5F5"), Map.entry("gainsboro", "#DCDCDC"));

    /** The colour a value names, or null when it names none we can read (gradients, currentColor, unknown words). */
    static CssColor parse(String value) {
        if (value == null) return null;
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("transparent")) return new CssColor("#000000", 0);
        if (NAMED.containsKey(v)) return new CssColor(NAMED.get(v), 1);
        if (v.matches("#[0-9a-f]{3}")) return new CssColor(("#" + dup(v.charAt(1)) + dup(v.charAt(2)) + dup(v.charAt(3))).toUpperCase(Locale.ROOT), 1);
        if (v.matches("#[0-9a-f]{6}")) return new CssColor(v.toUpperCase(Locale.ROOT), 1);
        if (v.matches("#[0-9a-f]{8}")) return new CssColor(v.substring(0, 7).toUpperCase(Locale.ROOT), Integer.parseInt(v.substring(7), 16) / 255.0);
        Matcher m = RGB.matcher(v);
        if (m.matches()) {
            double a = m.group(4) == null ? 1 : Double.parseDouble(m.group(4)) / ("%".equals(m.group(5)) ? 100 : 1);
            return new CssColor(String.format("#%02X%02X%02X", channel(m.group(1)), channel(m.group(2)), channel(m.group(3))), a);
        }
        return null;
    }

    /** The first colour named among the space-separated parts of a shorthand such as {@code background}. */
    static CssColor inShorthand(String value) {
        CssColor whole = parse(value);
        if (whole != null) return whole;
        for (String part : value.split("\\s+(?![^(]*\\))")) {
            CssColor c = parse(part);
            if (c != null) return c;
        }
        return null;
    }

    boolean opaque() {
        return alpha >= 0.999;
    }

    /** This colour painted over an opaque {@code below}. */
    CssColor over(CssColor below) {
        if (opaque()) return this;
        return new CssColor(Colors.mix(below.hex(), hex, alpha), 1);
    }

    private static String dup(char c) {
        return "" + c + c;
    }

    private static int channel(String s) {
        return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(s))));
    }
}
