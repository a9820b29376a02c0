package ai.atelier.site.model;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Policies;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.design.DesignSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link WebsiteSpec} written by a model before anything is built from it: lengths and
 * counts within bounds, ids safe to use as file names and anchors ([a-z0-9-]), icon references that
 * exist, a call-to-action link the company's policy allows, the required disclaimer word for word,
 * no banned phrase. Each problem is one line a model can act on in its repair round.
 */
public final class SpecValidator {
    static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> RESERVED_IDS = Set.of("main", "contact", "hero-title", "contact-title");

    public List<String> validate(WebsiteSpec s, Company company) {
        List<String> e = new ArrayList<>();
        Policies policies = company.policies();
        text(e, "title", s.title(), 1, 120);
        text(e, "headline", s.headline(), 1, 160);
        text(e, "intro", s.intro(), 1, 800);
        Set<String> visualIds = new HashSet<>();
        if (s.visualElements().isEmpty() || s.visualElements().size() > 10) e.add("visualElements: give 1 to 10 elements, got " + s.visualElements().size());
        for (VisualElement v : s.visualElements()) {
            if (v == null) { e.add("visualElements: an element is null"); continue; }
            id(e, "visual element", v.id());
            if (v.id() != null && !visualIds.add(v.id())) e.add("visual element id \"" + v.id() + "\" is used twice");
            text(e, "visual element " + v.id() + " label", v.label(), 1, 200);
            text(e, "visual element " + v.id() + " description", v.description(), 1, 1000);
            if (v.kind() == null) e.add("visual element " + v.id() + ": kind must be HERO, ICON or BACKGROUND");
        }
        if (s.sections().isEmpty() || s.sections().size() > 10) e.add("sections: give 1 to 10 sections, got " + s.sections().size());
        Set<String> sectionIds = new HashSet<>();
        for (Section sec : s.sections()) {
            if (sec == null) { e.add("sections: a section is null"); continue; }
            id(e, "section", sec.id());
            if (sec.id() != null && RESERVED_IDS.contains(sec.id())) e.add("section id \"" + sec.id() + "\" is reserved by the page; choose another");
            if (sec.id() != null && !sectionIds.add(sec.id())) e.add("section id \"" + sec.id() + "\" is used twice");
            if (sec.kind() == null) e.add("section " + sec.id() + ": kind must be PAIN_POINTS, OFFERINGS, TESTIMONIAL, STORY or TEXT");
            text(e, "section " + sec.id() + " heading", sec.heading(), 1, 160);
            text(e, "section " + sec.id() + " body", sec.body(), 0, 2500);
            if (sec.items().size() > 8) e.add("section " + sec.id() + ": at most 8 items, got " + sec.items().size());
            if (sec.sources().size() > 12) e.add("section " + sec.id() + ": at most 12 sources");
            for (String src : sec.sources()) text(e, "section " + sec.id() + " source id", src, 1, 80);
            for (Item it : sec.items()) {
                if (it == null) { e.add("section " + sec.id() + ": an item is null"); continue; }
                text(e, "section " + sec.id() + " item title", it.title(), 1, 160);
                text(e, "section " + sec.id() + " item text", it.text(), 0, 1200);
                if (it.visual() != null && !it.visual().isBlank() && !visualIds.contains(it.visual())) {
                    e.add("section " + sec.id() + ": item \"" + it.title() + "\" names visual \"" + it.visual() + "\", which is not among visualElements");
                }
                if (it.points().size() > 8) e.add("section " + sec.id() + ": an item has more than 8 points");
                for (String p : it.points()) text(e, "section " + sec.id() + " item point", p, 1, 300);
            }
        }
        var cta = s.callToAction();
        if (cta == null) {
            e.add("callToAction is missing");
        } else {
            text(e, "callToAction label", cta.label(), 1, 80);
            text(e, "callToAction text", cta.text(), 0, 400);
            if (!DesignSystem.Links.allowed(cta.href(), policies)) {
                e.add("callToAction href \"" + cta.href() + "\" is not allowed; link to https:// on " + String.join(" or ", policies.allowedLinkDomains())
                        + ", a mailto: on those domains, or an in-page #anchor");
            }
        }
        if (policies.requiredDisclaimer() != null && (s.disclaimer() == null || !s.disclaimer().contains(policies.requiredDisclaimer()))) {
            e.add("disclaimer must contain, word for word: \"" + policies.requiredDisclaimer() + "\"");
        }
        String banned = policies.findBannedPhrase(allText(s));
        if (banned != null) e.add("the text uses the banned phrase \"" + banned + "\"; rephrase it");
        return e;
    }

    private static String allText(WebsiteSpec s) {
        StringBuilder b = new StringBuilder().append(s.title()).append('\n').append(s.headline()).append('\n').append(s.intro()).append('\n');
        for (Section sec : s.sections()) {
            if (sec == null) continue;
            b.append(sec.heading()).append('\n').append(sec.body()).append('\n');
            for (Item it : sec.items()) if (it != null) b.append(it.title()).append('\n').append(it.text()).append('\n').append(String.join("\n", it.points())).append('\n');
        }
        if (s.callToAction() != null) b.append(s.callToAction().label()).append('\n').append(s.callToAction().text());
        return b.toString();
    }

    private static void id(List<String> e, String what, String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) e.add(what + " id \"" + id + "\" must be 1-40 characters of a-z, 0-9 and -, starting with a letter or digit");
    }

    private static void text(List<String> e, String field, String value, int min, int max) {
        int n = value == null ? 0 : value.strip().length();
        if (n < min) e.add(field + " is missing");
        else if (n > max) e.add(field + " is " + n + " characters; keep it under " + max);
    }
}
