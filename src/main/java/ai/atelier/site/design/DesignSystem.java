package ai.atelier.site.design;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyInfo.Brand;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.SiteFile;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The company's design system: turns a {@link WebsiteSpec} and its image slots into index.html and
 * styles.css with the brand's colours and font. Semantic landmarks, one h1, a skip link, visible
 * focus, reduced motion respected, responsive from 360 px; every string is escaped and every link
 * is checked against the company's allowed domains. Used by the built-in front-end developer and by
 * model-backed ones in template mode.
 */
public final class DesignSystem {
    private static final String CSP = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'";

    public List<SiteFile> render(WebsiteSpec spec, List<ImageSlot> slots, Company company) {
        Map<String, ImageSlot> byId = slots.stream().collect(Collectors.toMap(ImageSlot::elementId, Function.identity(), (a, b) -> a));
        return List.of(SiteFile.text("index.html", html(spec, byId, company)), SiteFile.text("styles.css", css(company)));
    }

    String html(WebsiteSpec spec, Map<String, ImageSlot> images, Company company) {
        var info = company.info();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>").append(Html.heading(spec.title())).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(Html.attr(spec.intro())).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"styles.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n");

        h.append("<header class=\"site-header\">\n<div class=\"wrap header-row\">\n<span class=\"brand\">")
                .append(Html.text(info.name())).append("</span>\n<nav aria-label=\"On this page\">\n<ul class=\"nav-list\">\n");
        for (Section s : spec.sections()) {
            h.append("<li><a href=\"#").append(Html.attr(s.id())).append("\">").append(Html.text(navLabel(s))).append("</a></li>\n");
        }
        h.append("<li><a href=\"#contact\">Contact</a></li>\n</ul>\n</nav>\n</div>\n</header>\n");

        h.append("<main id=\"main\">\n<section class=\"hero\" aria-labelledby=\"hero-title\">\n<div class=\"wrap hero-grid\">\n<div class=\"hero-copy\">\n");
        if (info.tagline() != null) h.append("<p class=\"eyebrow\">").append(Html.text(info.tagline())).append("</p>\n");
        h.append("<h1 id=\"hero-title\">").append(Html.heading(spec.headline())).append("</h1>\n")
                .append("<p class=\"lead\">").append(Html.text(spec.intro())).append("</p>\n");
        cta(h, spec, company, "button");
        h.append("</div>\n");
        ImageSlot hero = images.get("hero");
        if (hero != null) img(h, hero, "hero-art", 1200, 600);
        h.append("</div>\n</section>\n");

        for (Section s : spec.sections()) section(h, s, images, company);

        h.append("<section id=\"contact\" class=\"cta-band\" aria-labelledby=\"contact-title\">\n<div class=\"wrap\">\n")
                .append("<h2 id=\"contact-title\">").append(Html.text(spec.callToAction().label())).append("</h2>\n")
                .append("<p>").append(Html.text(spec.callToAction().text())).append("</p>\n");
        cta(h, spec, company, "button button-light");
        h.append("</div>\n</section>\n</main>\n");

        h.append("<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p class=\"footer-brand\">").append(Html.text(info.name())).append("</p>\n");
        var contact = info.contact();
        if (contact.email() != null || contact.phone() != null) {
            h.append("<address>\n");
            if (contact.email() != null) {
                String href = "mailto:" + contact.email();
                if (Links.allowed(href, company.policies())) h.append("<a href=\"").append(Html.attr(href)).append("\">").append(Html.text(contact.email())).append("</a>\n");
                else h.append("<span>").append(Html.text(contact.email())).append("</span>\n");
            }
            if (contact.phone() != null) {
                h.append("<a href=\"tel:").append(Html.attr(contact.phone().replaceAll("[^+0-9]", ""))).append("\">")
                        .append(Html.text(contact.phone())).append("</a>\n");
            }
            h.append("</address>\n");
        }
        if (spec.disclaimer() != null) h.append("<p class=\"disclaimer\">").append(Html.text(spec.disclaimer())).append("</p>\n");
        h.append("</div>\n</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Section s, Map<String, ImageSlot> images, Company company) {
        String titleId = s.id() + "-title";
        h.append("<section id=\"").append(Html.attr(s.id())).append("\" class=\"band band-").append(s.kind().name().toLowerCase().replace('_', '-'))
                .append("\" aria-labelledby=\"").append(Html.attr(titleId)).append("\">\n<div class=\"wrap\">\n")
                .append("<h2 id=\"").append(Html.attr(titleId)).append("\">").append(Html.text(s.heading())).append("</h2>\n");
        if (s.body() != null && !s.body().isBlank()) h.append("<p class=\"section-lead\">").append(Html.text(s.body())).append("</p>\n");
        switch (s.kind()) {
            case TESTIMONIAL -> {
                for (Item it : s.items()) {
                    h.append("<figure class=\"quote\">\n<blockquote>\n<p>").append(Html.text(it.text())).append("</p>\n</blockquote>\n")
                            .append("<figcaption>").append(Html.text(it.title())).append("</figcaption>\n</figure>\n");
                }
            }
            default -> {
                h.append("<ul class=\"cards\">\n");
                for (Item it : s.items()) {
                    h.append("<li class=\"card\"");
                    if (it.ref() != null) h.append(" data-offering=\"").append(Html.attr(it.ref())).append("\"");
                    h.append(">\n");
                    ImageSlot icon = it.visual() == null ? null : images.get(it.visual());
                    if (icon != null) img(h, icon, "card-icon", 64, 64);
                    h.append("<h3>").append(Html.text(it.title())).append("</h3>\n");
                    if (it.text() != null) h.append("<p>").append(Html.text(it.text())).append("</p>\n");
                    if (!it.points().isEmpty()) {
                        h.append("<ul class=\"points\">\n");
                        it.points().forEach(p -> h.append("<li>").append(Html.text(p)).append("</li>\n"));
                        h.append("</ul>\n");
                    }
                    h.append("</li>\n");
                }
                h.append("</ul>\n");
            }
        }
        h.append("</div>\n</section>\n");
    }

    private static void cta(StringBuilder h, WebsiteSpec spec, Company company, String cls) {
        String href = spec.callToAction().href();
        if (!Links.allowed(href, company.policies())) href = "#contact";
        h.append("<p><a class=\"").append(cls).append("\" href=\"").append(Html.attr(href)).append("\">")
                .append(Html.text(spec.callToAction().label())).append("</a></p>\n");
    }

    private static void img(StringBuilder h, ImageSlot slot, String cls, int w, int ht) {
        h.append("<img class=\"").append(cls).append("\" src=\"").append(Html.attr(slot.path())).append("\" alt=\"")
                .append(Html.attr(slot.alt())).append("\" width=\"").append(w).append("\" height=\"").append(ht).append("\"")
                .append(cls.equals("hero-art") ? "" : " loading=\"lazy\"").append(">\n");
    }

    private static String navLabel(Section s) {
        return switch (s.kind()) {
            case PAIN_POINTS -> "Challenges";
            case OFFERINGS -> "How we help";
            case TESTIMONIAL -> "Customers";
            case STORY -> "Our approach";
            default -> s.heading().length() > 24 ? s.heading().substring(0, 24) + "…" : s.heading();
        };
    }

    String css(Company company) {
        Brand b = company.info().brand();
        String onPrimary = Colors.readable(b.primary(), 4.5, "#FFFFFF", "#000000");
        String link = Colors.readable(b.background(), 4.5, b.primary(), b.accent(), b.text());
        String text = Colors.readable(b.background(), 4.5, b.text(), "#000000", "#FFFFFF");
        String band = Colors.mix(b.primary(), b.background(), 0.93);
        String bandText = Colors.readable(band, 4.5, text, "#000000");
        String ctaBg = Colors.readable("#FFFFFF", 4.5, b.primary(), b.text(), "#000000");
        String muted = Colors.readable(b.background(), 4.5, Colors.mix(text, b.background(), 0.25), text);
        Map<String, String> vars = Map.of(
                "primary", b.primary(), "accent", b.accent(), "background", b.background(), "text", text,
                "onPrimary", onPrimary, "link", link, "band", band, "bandText", bandText, "ctaBg", ctaBg, "muted", muted);
        String css = resource("/design/styles.css");
        for (var e : vars.entrySet()) css = css.replace("{{" + e.getKey() + "}}", e.getValue());
        return css.replace("{{font}}", fontFamily(company.info().font()));
    }

    private static final java.util.Set<String> GENERIC_FONTS = java.util.Set.of("serif", "sans-serif", "monospace", "cursive",
            "fantasy", "system-ui", "ui-sans-serif", "ui-serif", "ui-monospace", "ui-rounded", "-apple-system", "emoji", "math");

    /** A CSS font-family value: family names quoted (so "Source Sans 3" stays valid CSS), generic keywords bare. */
    static String fontFamily(String stack) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : stack.split(",")) {
            String name = part.strip().replace("\"", "").replace("'", "");
            if (name.isEmpty()) continue;
            out.add(GENERIC_FONTS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? name : "\"" + name + "\"");
        }
        if (out.stream().noneMatch(f -> GENERIC_FONTS.contains(f.toLowerCase(java.util.Locale.ROOT)))) out.add("sans-serif");
        return String.join(", ", out);
    }

    private static String resource(String path) {
        try (InputStream in = DesignSystem.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Link rules shared by the design system and QA. */
    public static final class Links {
        private Links() {}

        /** In-page anchors, mailto/tel to allowed domains, and https links to allowed domains pass; nothing else. */
        public static boolean allowed(String href, ai.atelier.knowledge.Policies policies) {
            if (href == null || href.isBlank()) return false;
            if (href.startsWith("#")) return href.matches("#[A-Za-z0-9_-]*");
            if (href.startsWith("tel:")) return href.matches("tel:\\+?[0-9]{3,20}");
            if (href.startsWith("mailto:")) {
                String addr = href.substring(7);
                int at = addr.lastIndexOf('@');
                return at > 0 && !addr.contains("?") && policies.allowsHost(addr.substring(at + 1));
            }
            try {
                URI u = new URI(href);
                return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && policies.allowsHost(u.getHost());
            } catch (Exception e) {
                return false;
            }
        }
    }
}
