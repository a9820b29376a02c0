package ai.atelier.site.builtin;

import ai.atelier.knowledge.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in artist's vocabulary of shapes. Each motif is drawn in a 100×100 box from the
 * palette and is chosen by the words of a visual element's description, so an icon for "energy
 * costs" shows a bolt and one for "route planning" a map pin.
 */
enum Motif {
    GEAR("gear machine maintenance factory equipment manufactur casting foundry plant asset predictive repair"),
    BOLT("energy power electric electricity utility kwh peak tariff"),
    CHART("forecast demand analytics data cost margin revenue metric dashboard insight trend report kpi"),
    HEART("health patient care clinic hospital clinical nurse medical wellbeing"),
    CART("retail store shop customer basket checkout ecommerce omnichannel loyalty churn"),
    TRUCK("logistics fleet delivery freight shipping truck transport carrier driver fuel"),
    BOX("warehouse package inventory stock parcel pallet fulfilment fulfillment shrink throughput"),
    SHIELD("security compliance risk privacy audit regulation claim denial protect safety"),
    CLOCK("downtime time schedule on-time late delay appointment no-show wait shift hour"),
    PEOPLE("staff workforce team talent skill people hire training labour labor staffing operator"),
    PIN("route location map site region city network distribution last-mile"),
    LEAF("sustainability carbon green agriculture farm crop irrigation harvest emission waste yield"),
    CHECK("quality defect inspection zero accuracy first-pass scrap yield standard"),
    DOC("document billing invoice record paperwork coding form contract"),
    SPARK("idea start engagement sprint discovery foundation strategy");

    private final List<String> cues;

    Motif(String cues) {
        this.cues = Terms.of(cues);
    }

    /** Motifs ranked by how many of their cues the text mentions, best first; SPARK when none. */
    static List<Motif> rank(String text) {
        List<String> words = Terms.of(text);
        Map<Motif, Integer> score = new LinkedHashMap<>();
        for (Motif m : values()) {
            int s = 0;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                for (String c : m.cues) {
                    if (w.equals(c) || (c.length() >= 5 && w.startsWith(c))) s += i < 8 ? 3 : 1;
                }
            }
            if (s > 0) score.put(m, s);
        }
        List<Motif> out = new ArrayList<>(score.keySet());
        out.sort(Comparator.comparing((Motif m) -> -score.get(m)).thenComparing(Enum::ordinal));
        if (out.isEmpty()) out.add(SPARK);
        return out;
    }

    /** SVG elements for this motif in a 100×100 box, in the given ink and highlight colours. */
    String draw(String ink, String highlight) {
        String s = "stroke=\"" + ink + "\" stroke-width=\"6\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"";
        String f = "fill=\"" + highlight + "\"";
        return switch (this) {
            case GEAR -> "<circle cx=\"50\" cy=\"50\" r=\"22\" " + s + "/><circle cx=\"50\" cy=\"50\" r=\"8\" " + f + "/>"
                    + teeth(ink);
            case BOLT -> "<path d=\"M56 10 L28 56 H48 L42 90 L72 42 H52 Z\" " + f + " stroke=\"" + ink + "\" stroke-width=\"5\" stroke-linejoin=\"round\"/>";
            case CHART -> "<path d=\"M16 84 H86\" " + s + "/><rect x=\"22\" y=\"54\" width=\"12\" height=\"26\" " + f + "/>"
                    + "<rect x=\"42\" y=\"40\" width=\"12\" height=\"40\" " + f + "/><rect x=\"62\" y=\"26\" width=\"12\" height=\"54\" " + f + "/>"
                    + "<path d=\"M20 44 L44 30 L60 36 L84 16\" " + s + "/>";
            case HEART -> "<path d=\"M50 84 C20 62 12 46 16 32 C20 18 40 14 50 30 C60 14 80 18 84 32 C88 46 80 62 50 84 Z\" " + f + "/>"
                    + "<path d=\"M30 50 H42 L47 40 L54 60 L59 50 H70\" " + s + "/>";
            case CART -> "<path d=\"M12 20 H24 L34 62 H76 L84 32 H30\" " + s + "/><circle cx=\"40\" cy=\"78\" r=\"7\" " + f + "/><circle cx=\"70\" cy=\"78\" r=\"7\" " + f + "/>";
            case TRUCK -> "<rect x=\"10\" y=\"30\" width=\"50\" height=\"36\" rx=\"4\" " + f + "/><path d=\"M60 42 H76 L88 56 V66 H60 Z\" " + s + "/>"
                    + "<circle cx=\"28\" cy=\"72\" r=\"8\" " + s + "/><circle cx=\"74\" cy=\"72\" r=\"8\" " + s + "/>";
            case BOX -> "<path d=\"M50 12 L86 30 V70 L50 88 L14 70 V30 Z\" " + s + "/><path d=\"M14 30 L50 48 L86 30 M50 48 V88\" " + s + "/>"
                    + "<path d=\"M32 21 L68 39 V52\" stroke=\"" + highlight + "\" stroke-width=\"6\" fill=\"none\"/>";
            case SHIELD -> "<path d=\"M50 10 L84 22 V46 C84 68 68 82 50 90 C32 82 16 68 16 46 V22 Z\" " + f + "/>"
                    + "<path d=\"M34 50 L46 62 L68 38\" " + s + "/>";
            case CLOCK -> "<circle cx=\"50\" cy=\"50\" r=\"36\" " + s + "/><path d=\"M50 26 V50 L66 60\" " + s + "/><circle cx=\"50\" cy=\"50\" r=\"5\" " + f + "/>";
            case PEOPLE -> "<circle cx=\"34\" cy=\"34\" r=\"12\" " + f + "/><circle cx=\"66\" cy=\"34\" r=\"12\" " + f + "/>"
                    + "<path d=\"M14 82 C14 62 54 62 54 82 M46 82 C46 62 86 62 86 82\" " + s + "/>";
            case PIN -> "<path d=\"M50 90 C30 64 22 50 22 38 A28 28 0 0 1 78 38 C78 50 70 64 50 90 Z\" " + f + "/>"
                    + "<circle cx=\"50\" cy=\"38\" r=\"10\" " + s + "/>";
            case LEAF -> "<path d=\"M20 80 C20 36 50 16 84 16 C84 52 64 80 20 80 Z\" " + f + "/><path d=\"M20 80 L62 38\" " + s + "/>";
            case CHECK -> "<circle cx=\"50\" cy=\"50\" r=\"36\" " + f + "/><path d=\"M32 52 L45 65 L70 38\" " + s + "/>";
            case DOC -> "<path d=\"M24 10 H62 L78 26 V90 H24 Z\" " + s + "/><path d=\"M34 42 H68 M34 56 H68 M34 70 H56\" stroke=\"" + highlight + "\" stroke-width=\"6\" stroke-linecap=\"round\"/>";
            case SPARK -> "<path d=\"M50 10 L58 42 L90 50 L58 58 L50 90 L42 58 L10 50 L42 42 Z\" " + f + "/><circle cx=\"50\" cy=\"50\" r=\"8\" " + s + "/>";
        };
    }

    private static String teeth(String ink) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("<rect x=\"45\" y=\"12\" width=\"10\" height=\"14\" rx=\"2\" fill=\"").append(ink)
                    .append("\" transform=\"rotate(").append(i * 45).append(" 50 50)\"/>");
        }
        return b.toString();
    }
}
