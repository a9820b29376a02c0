package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Policies;
import ai.atelier.site.Engines;
import ai.atelier.site.Handoff;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.builtin.SpecRules;
import ai.atelier.site.builtin.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.VisualPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans the page's pictures from the copy the writers produced: one hero illustration and an
 * icon for every card that names one. A model's plan is checked: ids file-name safe and unique,
 * exactly one hero, and every icon the copy refers to present.
 */
public final class ArtDirector {
    static final int MAX_VISUALS = 12;
    private final Engines engines;
    private final SpecRules rules;

    public ArtDirector(Engines engines, SpecRules rules) {
        this.engines = engines;
        this.rules = rules;
    }

    public VisualPlan plan(Profile p, Company c, Research research, MatchedOfferings matched, List<Section> sections, HeroDraft hero,
                           PersonaContext ctx) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(c));
        vars.put("visitor", VisitorBrief.of(p));
        vars.put("copy", Handoff.json(Map.of("hero", hero.hero(), "sections", sections.stream().filter(Objects::nonNull).toList())));
        Set<String> needed = new LinkedHashSet<>();
        sections.stream().filter(Objects::nonNull).flatMap(s -> s.items().stream()).map(Item::visual).filter(Objects::nonNull).forEach(needed::add);
        return new PersonaCall<VisualPlan>("art-director", "visual plan", vars, List.of("copy"))
                .run(engines, ctx, () -> new VisualPlan(rules.visuals(p, c, research, matched.offerings())), json -> parse(json, needed, c.policies()));
    }

    private static VisualPlan parse(JsonNode json, Set<String> needed, Policies pol) {
        List<VisualElement> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int heroes = 0;
        for (JsonNode n : Answers.array(json, "visuals", MAX_VISUALS)) {
            String id = Answers.text(n, "id", 40, pol);
            if (!id.matches("[a-z0-9][a-z0-9-]*")) throw new AnswerRejected("visual id \"" + id + "\" must be lower-case letters, digits and hyphens");
            if (!ids.add(id)) throw new AnswerRejected("visual id \"" + id + "\" is used twice");
            VisualElement.Kind kind;
            try {
                kind = VisualElement.Kind.valueOf(Answers.text(n, "kind", 20, pol).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AnswerRejected("visual \"" + id + "\" has a kind other than HERO, ICON or BACKGROUND");
            }
            if (kind == VisualElement.Kind.HERO) heroes++;
            out.add(new VisualElement(id, Answers.text(n, "label", 160, pol), Answers.text(n, "description", 600, pol), kind));
        }
        if (heroes != 1) throw new AnswerRejected("the plan must have exactly one HERO visual, it has " + heroes);
        for (String id : needed) if (!ids.contains(id)) throw new AnswerRejected("the copy refers to icon \"" + id + "\" but the plan has none");
        return new VisualPlan(out);
    }
}
