package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyInfo.Brand;
import ai.atelier.model.ModelCall;
import ai.atelier.site.Artist;
import ai.atelier.site.Image;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import ai.atelier.site.VisualElement;
import ai.atelier.site.design.Colors;
import ai.atelier.site.design.Html;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The built-in engine's artist: draws SVG from a visual element's description and the brand
 * palette. A hero is a composed scene of the motifs its description names, laid out by a seed taken
 * from the description (so different visitors get different pictures); an icon is the leading
 * motif on a tinted tile. No text is drawn; the label is the image's accessible name.
 */
public final class SvgArtist implements Artist {

    @Override
    public String fileExtension() {
        return "svg";
    }

    @Override
    public Image draw(VisualElement e, Company company, PersonaContext ctx) {
        long start = ctx.meter().nowMs();
        Brand b = company.info().brand();
        String svg = switch (e.kind()) {
            case HERO -> hero(e, b);
            case ICON -> icon(e, b);
            case BACKGROUND -> background(e, b);
        };
        Map<String, String> vars = new java.util.HashMap<>(KnowledgeDigest.brand(company));
        vars.put("kind", e.kind().name());
        vars.put("label", e.label());
        vars.put("description", e.description());
        Prompt prompt = new Prompt(ctx.prompts().render("artist.system", vars), ctx.prompts().render("artist.user", vars));
        var usage = ctx.tokens().estimate(prompt.text(), svg); // timed inside the stand-in call
        ctx.meter().record(ModelCall.builder(ctx.role(), ctx.model(), "builtin").purpose("image " + e.id()).timed(start, ctx.meter().nowMs() - start).usage(usage).build());
        return new Image(e.id(), "assets/" + e.id() + ".svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8), e.label());
    }

    static String hero(VisualElement e, Brand b) {
        List<Motif> motifs = Motif.rank(e.description());
        long seed = seed(e.description());
        String tint = Colors.mix(b.primary(), b.background(), 0.86);
        String tint2 = Colors.mix(b.accent(), b.background(), 0.80);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 600\" role=\"img\" aria-labelledby=\"t\">");
        s.append("<title id=\"t\">").append(Html.text(e.label())).append("</title>");
        s.append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"")
                .append(b.background()).append("\"/><stop offset=\"1\" stop-color=\"").append(tint).append("\"/></linearGradient></defs>");
        s.append("<rect width=\"1200\" height=\"600\" fill=\"url(#g)\"/>");
        // Decorative field: circles and arcs placed by the seed.
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 7; i++) {
            int cx = 40 + r.nextInt(1120), cy = 30 + r.nextInt(540), rad = 20 + r.nextInt(90);
            String col = i % 2 == 0 ? tint2 : tint;
            s.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"").append(rad)
                    .append("\" fill=\"").append(col).append("\" opacity=\"0.7\"/>");
        }
        // A rising line: the visitor's progress.
        s.append("<path d=\"M60 520");
        int y = 520;
        for (int x = 160; x <= 1140; x += 140) {
            y = Math.max(120, y - 20 - r.nextInt(60));
            s.append(" L").append(x).append(' ').append(y);
        }
        s.append("\" fill=\"none\" stroke=\"").append(b.accent()).append("\" stroke-width=\"8\" stroke-linecap=\"round\" stroke-linejoin=\"round\" opacity=\"0.55\"/>");
        // Up to three motifs on cards, in a layout the seed picks.
        int n = Math.min(3, motifs.size());
        int layout = (int) Math.floorMod(seed, 3);
        for (int i = 0; i < n; i++) {
            int size = i == 0 ? 300 : 180;
            int x, yy;
            switch (layout) {
                case 0 -> { x = i == 0 ? 450 : (i == 1 ? 140 : 880); yy = i == 0 ? 130 : 260; }
                case 1 -> { x = i == 0 ? 160 : (i == 1 ? 620 : 880); yy = i == 0 ? 150 : (i == 1 ? 110 : 320); }
                default -> { x = i == 0 ? 760 : (i == 1 ? 200 : 460); yy = i == 0 ? 140 : (i == 1 ? 120 : 340); }
            }
            String card = i == 0 ? "#FFFFFF" : b.background();
            s.append("<g transform=\"translate(").append(x).append(' ').append(yy).append(")\">");
            s.append("<rect width=\"").append(size).append("\" height=\"").append(size).append("\" rx=\"").append(size / 8)
                    .append("\" fill=\"").append(card).append("\" stroke=\"").append(tint).append("\" stroke-width=\"4\"/>");
            double scale = size * 0.7 / 100.0;
            s.append("<g transform=\"translate(").append(size * 0.15).append(' ').append(size * 0.15).append(") scale(").append(scale).append(")\">");
            s.append(motifs.get(i).draw(b.primary(), i == 0 ? b.accent() : Colors.mix(b.primary(), "#FFFFFF", 0.55)));
            s.append("</g></g>");
        }
        s.append("</svg>");
        return s.toString();
    }

    static String icon(VisualElement e, Brand b) {
        Motif m = Motif.rank(e.description()).get(0);
        String tile = Colors.mix(b.primary(), "#FFFFFF", 0.88);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 120\" role=\"img\" aria-labelledby=\"t\">"
                + "<title id=\"t\">" + Html.text(e.label()) + "</title>"
                + "<rect width=\"120\" height=\"120\" rx=\"28\" fill=\"" + tile + "\"/>"
                + "<g transform=\"translate(14 14)\">" + m.draw(b.primary(), b.accent()) + "</g></svg>";
    }

    static String background(VisualElement e, Brand b) {
        long seed = seed(e.description());
        java.util.Random r = new java.util.Random(seed);
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 300\" role=\"img\" aria-labelledby=\"t\">");
        s.append("<title id=\"t\">").append(Html.text(e.label())).append("</title>");
        s.append("<rect width=\"1200\" height=\"300\" fill=\"").append(b.background()).append("\"/>");
        for (int i = 0; i < 24; i++) {
            s.append("<circle cx=\"").append(r.nextInt(1200)).append("\" cy=\"").append(r.nextInt(300)).append("\" r=\"")
                    .append(6 + r.nextInt(30)).append("\" fill=\"").append(Colors.mix(i % 2 == 0 ? b.primary() : b.accent(), b.background(), 0.8)).append("\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static long seed(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) h = 31 * h + text.charAt(i);
        return h;
    }
}
