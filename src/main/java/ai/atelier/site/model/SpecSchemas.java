package ai.atelier.site.model;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyCallToAction;
import ai.atelier.knowledge.Offering;
import ai.atelier.model.RecordSchema;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.design.DesignSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@link WebsiteSpec} schema as one request sends it: the record's own bounds plus what the
 * context fixes. The call to action is the company's own label ({@link CompanyCallToAction}) and may
 * only point where the company's policy allows (the link the rules choose, or the page's contact
 * block); the disclaimer is the policy's text, word for word;
 * offering references name the company's offerings; section and visual-element ids come from a
 * fixed list of safe names (so no id is reserved by the page or unsafe as a file name). For the
 * developer, who rewords a spec without re-planning it, the sections and visual elements are the
 * given ones: their number and ids are fixed. What a schema still cannot say (ids used twice, an icon
 * that names a missing picture, banned phrases) is {@link SpecIds}' and {@link SpecValidator}'s.
 */
public final class SpecSchemas {
    /** Components of the spec a model may leave out. */
    static final Set<String> OPTIONAL = Set.of("Item.visual", "Item.ref", "Item.points", "Section.items", "Section.body");
    /** The names a model may give sections: safe as anchors, none taken by the page's own landmarks. */
    static final List<String> SECTION_IDS = List.of("challenges", "pain-points", "offerings", "approach", "testimonial", "story",
            "results", "how-it-works", "why-us", "next-steps");

    private SpecSchemas() {}

    /** The personalizer's (and the single-llm baseline's) spec schema for this company. */
    static RecordSchema personalizer(Company c) {
        List<String> visuals = visualIds(c);
        RecordSchema s = RecordSchema.of(WebsiteSpec.class).optional(OPTIONAL)
                .choices("CallToAction.href", links(c))
                .choices("CallToAction.label", List.of(CompanyCallToAction.of(c).label()))
                .choices("Section.id", SECTION_IDS)
                .choices("VisualElement.id", visuals)
                .choices("Item.visual", visuals)
                .choices("Item.ref", c.offerings().stream().map(Offering::id).toList());
        if (c.policies().requiredDisclaimer() != null) s.choices("WebsiteSpec.disclaimer", List.of(c.policies().requiredDisclaimer()));
        return s;
    }

    /** The developer's schema: the given spec's sections and pictures, same number, same ids, same link and disclaimer. */
    static RecordSchema developer(WebsiteSpec spec, Company c) {
        List<String> sectionIds = spec.sections().stream().map(WebsiteSpec.Section::id).toList();
        List<String> visualIds = spec.visualElements().stream().map(VisualElement::id).toList();
        RecordSchema s = RecordSchema.of(WebsiteSpec.class).optional(OPTIONAL)
                .items("WebsiteSpec.sections", sectionIds.size(), sectionIds.size())
                .items("WebsiteSpec.visualElements", visualIds.size(), visualIds.size())
                .choices("Section.id", sectionIds)
                .choices("VisualElement.id", visualIds)
                .choices("Item.visual", visualIds)
                .choices("Item.ref", c.offerings().stream().map(Offering::id).toList());
        if (spec.callToAction() != null && spec.callToAction().href() != null) s.choices("CallToAction.href", List.of(spec.callToAction().href()));
        s.choices("CallToAction.label", List.of(CompanyCallToAction.of(c).label()));
        if (spec.disclaimer() != null && !spec.disclaimer().isBlank()) s.choices("WebsiteSpec.disclaimer", List.of(spec.disclaimer()));
        return s;
    }

    /**
     * Where the call to action may point: the company's own links that its policy allows (its site,
     * its e-mail, the link the rules choose) and the page's own contact block. Never a link a model
     * made up: an invented URL on an allowed domain would pass the policy and still lead nowhere.
     */
    static List<String> links(Company c) {
        List<String> out = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(SpecRules.ctaHref(c));
        if (c.info().contact().url() != null) candidates.add(c.info().contact().url());
        if (c.info().contact().email() != null) candidates.add("mailto:" + c.info().contact().email());
        candidates.add("#contact");
        for (String href : candidates) {
            if (DesignSystem.Links.allowed(href, c.policies()) && !out.contains(href)) out.add(href);
        }
        return out;
    }

    /** Picture ids: the hero, a background, an icon per pain point and one per offering, named as the built-in rules name them. */
    static List<String> visualIds(Company c) {
        List<String> out = new ArrayList<>(List.of("hero", "background"));
        for (int i = 0; i < 3; i++) out.add(SpecRules.painIcon(i));
        for (Offering o : c.offerings()) {
            String id = SpecRules.offeringIcon(o);
            if (!out.contains(id)) out.add(id);
        }
        return out;
    }
}
