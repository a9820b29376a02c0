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
 * Checks what the spec's JSON schema cannot say, once the answer has passed that schema (lengths,
 * counts, enums: see {@link SpecSchemas} and {@code SchemaCheck}): ids unique and safe as file
 * names and anchors ([a-z0-9-]) and none reserved by the page, icon references that name a picture
 * of the spec, a call-to-action link the company's policy allows, the required disclaimer word for
 * word, no banned phrase. The link, disclaimer and id rules are also in the request's schema; they
 * are checked again here because a server in prompt mode only reads the schema as a hint. Each
 * problem is one line a model can act on in its repair round.
 */
public final class SpecValidator {
    static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> RESERVED_IDS = Set.of("main", "contact", "hero-title", "contact-title");

    public List<String> validate(WebsiteSpec s, Company company) {
        List<String> e = new ArrayList<>();
        Policies policies = company.policies();
        Set<String> visualIds = new HashSet<>();
        for (VisualElement v : s.visualElements()) {
            if (v == null) { e.add("visualElements: an element is null"); continue; }
            id(e, "visual element", v.id());
            if (v.id() != null && !visualIds.add(v.id())) e.add("visual element id \"" + v.id() + "\" is used twice");
        }
        Set<String> sectionIds = new HashSet<>();
        for (Section sec : s.sections()) {
            if (sec == null) { e.add("sections: a section is null"); continue; }
            id(e, "section", sec.id());
            if (sec.id() != null && RESERVED_IDS.contains(sec.id())) e.add("section id \"" + sec.id() + "\" is reserved by the page; choose another");
            if (sec.id() != null && !sectionIds.add(sec.id())) e.add("section id \"" + sec.id() + "\" is used twice");
            for (Item it : sec.items()) {
                if (it == null) { e.add("section " + sec.id() + ": an item is null"); continue; }
                if (it.visual() != null && !it.visual().isBlank() && !visualIds.contains(it.visual())) {
                    e.add("section " + sec.id() + ": item \"" + it.title() + "\" names visual \"" + it.visual() + "\", which is not among visualElements");
                }
            }
        }
        var cta = s.callToAction();
        if (cta == null) {
            e.add("callToAction is missing");
        } else if (!DesignSystem.Links.allowed(cta.href(), policies)) {
            e.add("callToAction href \"" + cta.href() + "\" is not allowed; link to https:// on " + String.join(" or ", policies.allowedLinkDomains())
                    + ", a mailto: on those domains, or an in-page #anchor");
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
}
