package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Policies;
import ai.atelier.model.RecordSchema;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.Handoff;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.VisualPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans the page's pictures from the copy the writers produced: one hero illustration and an
 * icon for every card that names one. The plan's shape makes it complete by construction: a model
 * describes one hero and exactly as many icons as the copy names, in the order given; the ids and
 * kinds come from code (the hero is {@code hero}, icon i is the i-th id the copy names), so no id
 * can be unsafe, used twice or missing.
 */
public final class ArtDirector {
    static final int MAX_VISUALS = 12;

    /** A model's plan: the hero, and one icon per visual id the copy names, in that order. */
    record Plan(Visual hero, List<Visual> icons) {}

    /** One picture: its label doubles as alt text; the description says what to draw. */
    record Visual(@Shape(minLength = 1, maxLength = 160) String label, @Shape(minLength = 1, maxLength = 600) String description) {}

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
        List<String> icons = needed.stream().limit(MAX_VISUALS - 1).toList();
        vars.put("icons", icons.isEmpty() ? "(none: the copy names no icons; leave \"icons\" empty)"
                : String.join("\n", icons.stream().map(id -> "- " + id).toList()));
        RecordSchema schema = RecordSchema.of(Plan.class).items("Plan.icons", icons.size(), icons.size());
        return new PersonaCall<Plan, VisualPlan>("art-director", "visual plan", vars, List.of("copy"), Plan.class, schema)
                .run(engines, ctx, () -> new VisualPlan(rules.visuals(p, c, research, matched.offerings())), plan -> parse(plan, icons, c.policies()));
    }

    private static VisualPlan parse(Plan plan, List<String> icons, Policies pol) {
        if (plan.hero() == null) throw new AnswerRejected("field \"hero\" is missing");
        List<VisualElement> out = new ArrayList<>();
        out.add(visual("hero", VisualElement.Kind.HERO, plan.hero(), pol));
        List<Visual> drawn = plan.icons() == null ? List.of() : plan.icons();
        if (drawn.size() != icons.size() || drawn.stream().anyMatch(Objects::isNull)) {
            throw new AnswerRejected("field \"icons\" must describe exactly " + icons.size() + " icons, one per id listed, in that order");
        }
        for (int i = 0; i < icons.size(); i++) out.add(visual(icons.get(i), VisualElement.Kind.ICON, drawn.get(i), pol));
        return new VisualPlan(out);
    }

    private static VisualElement visual(String id, VisualElement.Kind kind, Visual v, Policies pol) {
        return new VisualElement(id, Answers.text(v.label(), id + " label", 160, pol), Answers.text(v.description(), id + " description", 600, pol), kind);
    }
}
