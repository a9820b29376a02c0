package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Policies;
import ai.atelier.model.RecordSchema;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.VisualPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        List<Section> written = sections.stream().filter(Objects::nonNull).toList();
        vars.put("copy", copy(hero, written));
        Map<String, String> cards = new LinkedHashMap<>(); // icon id -> the title of the first card it illustrates
        written.stream().flatMap(s -> s.items().stream()).filter(i -> i.visual() != null).forEach(i -> cards.putIfAbsent(i.visual(), i.title()));
        List<String> icons = cards.keySet().stream().limit(MAX_VISUALS - 1).toList();
        vars.put("icons", icons.isEmpty() ? "(none: the copy names no icons; leave \"icons\" empty)"
                : String.join("\n", icons.stream().map(id -> "- " + id + ": for the card " + VisitorBrief.q(cards.get(id))).toList()));
        vars.put("imagery", GuidelineSections.of(c.designGuidelines(), GuidelineSections.IMAGERY));
        RecordSchema schema = RecordSchema.of(Plan.class).items("Plan.icons", icons.size(), icons.size());
        return new PersonaCall<Plan, VisualPlan>("art-director", "visual plan", vars, List.of("copy"), Plan.class, schema)
                .run(engines, ctx, () -> new VisualPlan(rules.visuals(p, c, research, matched.offerings())), plan -> parse(plan, icons, c.policies()));
    }

    /**
     * What the art director reads of the copy: the headline and intro the hero illustrates, and
     * each section's heading (the cards an icon belongs to are named with the icon ids), not the
     * whole drafts with their sources and points.
     */
    static String copy(HeroDraft hero, List<Section> sections) {
        StringBuilder b = new StringBuilder();
        b.append("headline: ").append(VisitorBrief.q(hero.hero().headline())).append('\n');
        b.append("intro: ").append(VisitorBrief.q(hero.hero().intro()));
        for (Section s : sections) b.append("\nsection ").append(s.id()).append(": ").append(VisitorBrief.q(s.heading() == null ? "" : s.heading()));
        return b.toString();
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
