package ai.atelier.site.finegrained;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Offering;
import ai.atelier.knowledge.Policies;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.model.RecordSchema;
import ai.atelier.model.Shape;
import ai.atelier.site.Engines;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.VisitorBrief;
import ai.atelier.site.WebsiteSpec.CallToAction;
import ai.atelier.site.WebsiteSpec.Item;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.WebsiteSpec.SectionKind;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.site.rules.SpecRules.HeroCopy;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One copywriter per part of the page: the pain-points section, the offerings section, and the
 * opening copy with the call to action. Each is a step of its own in the fine-grained workflow,
 * under its own role, and sees only what the steps before it handed over. What a model writes is
 * checked (length, banned phrases, only the passages and offerings it was given); links and
 * testimonial quotes are chosen by rule, never by a model.
 */
public final class Copywriter {
    /** A model's pain-points section: one card per pain point, citing its passage. */
    record PainPointsCopy(@Shape(minLength = 1, maxLength = 120) String heading, @Shape(minLength = 1, maxLength = 400) String body,
                          @Shape(minItems = 1, maxItems = 3) List<PainCard> items) {}

    record PainCard(@Shape(minLength = 1, maxLength = 200) String chunkId, @Shape(minLength = 1, maxLength = 120) String title,
                    @Shape(minLength = 1, maxLength = 400) String text) {}

    /** A model's offerings section: one card per matched offering. */
    record OfferingsCopy(@Shape(minLength = 1, maxLength = 120) String heading, @Shape(minLength = 1, maxLength = 400) String body,
                         @Shape(minItems = 1, maxItems = 3) List<OfferingCard> items) {}

    record OfferingCard(@Shape(minLength = 1, maxLength = 120) String offeringId, @Shape(minLength = 1, maxLength = 400) String text,
                        @Shape(maxItems = 3, minLength = 1, maxLength = 160) List<String> points) {}

    /** A model's opening copy and call to action (the link is chosen by rule). */
    record HeroCopyAnswer(@Shape(minLength = 1, maxLength = 120) String title, @Shape(minLength = 1, maxLength = 140) String headline,
                          @Shape(minLength = 1, maxLength = 600) String intro, @Shape(minLength = 1, maxLength = 60) String ctaLabel,
                          @Shape(minLength = 1, maxLength = 300) String ctaText) {}

    private final Engines engines;
    private final SpecRules rules;

    public Copywriter(Engines engines, SpecRules rules) {
        this.engines = engines;
        this.rules = rules;
    }

    public SectionDraft painPoints(Profile p, Company c, Research research, PersonaContext ctx) {
        Map<String, String> vars = vars(p, c);
        vars.put("painPoints", Drafts.painPoints(research));
        RecordSchema schema = RecordSchema.of(PainPointsCopy.class)
                .choices("PainCard.chunkId", research.painPoints().stream().map(h -> h.chunk().id()).toList());
        return new PersonaCall<PainPointsCopy, SectionDraft>("copywriter-pain-points", "pain points copy", vars, List.of("painPoints"),
                PainPointsCopy.class, schema)
                .run(engines, ctx, () -> new SectionDraft(rules.painPoints(p, c, research)), answer -> {
                    if (research.painPoints().isEmpty()) return new SectionDraft(null);
                    Policies pol = c.policies();
                    List<Item> items = new ArrayList<>();
                    List<String> sources = new ArrayList<>();
                    for (PainCard n : Answers.list(answer.items(), "items", 3)) {
                        String id = Answers.text(n.chunkId(), "chunkId", 200, pol);
                        int at = indexOf(research.painPoints(), id);
                        if (at < 0) throw new AnswerRejected("item cites \"" + id + "\", which is not one of the pain points given");
                        items.add(new Item(Answers.text(n.title(), "title", 120, pol), Answers.text(n.text(), "text", 400, pol), SpecRules.painIcon(at), null, List.of()));
                        sources.add(id);
                    }
                    return new SectionDraft(new Section("pain-points", SectionKind.PAIN_POINTS, Answers.text(answer.heading(), "heading", 120, pol),
                            Answers.text(answer.body(), "body", 400, pol), items, sources));
                });
    }

    public SectionDraft offerings(Profile p, Company c, Research research, MatchedOfferings matched, PersonaContext ctx) {
        Map<String, String> vars = vars(p, c);
        vars.put("painPoints", Drafts.painPointSummaries(research));
        vars.put("offerings", Drafts.offerings(matched));
        RecordSchema schema = RecordSchema.of(OfferingsCopy.class).optional(Set.of("OfferingCard.points"))
                .choices("OfferingCard.offeringId", matched.offerings().stream().map(Offering::id).toList());
        return new PersonaCall<OfferingsCopy, SectionDraft>("copywriter-offerings", "offerings copy", vars, List.of("painPoints", "offerings"),
                OfferingsCopy.class, schema)
                .run(engines, ctx, () -> new SectionDraft(rules.offerings(p, c, research, matched.offerings())), answer -> {
                    Policies pol = c.policies();
                    List<Item> items = new ArrayList<>();
                    for (OfferingCard n : Answers.list(answer.items(), "items", 3)) {
                        String id = Answers.text(n.offeringId(), "offeringId", 120, pol);
                        Offering o = matched.offerings().stream().filter(x -> x.id().equals(id)).findFirst()
                                .orElseThrow(() -> new AnswerRejected("item names offering \"" + id + "\", which was not matched"));
                        items.add(new Item(o.name(), Answers.text(n.text(), "text", 400, pol), SpecRules.offeringIcon(o), o.id(),
                                Answers.texts(n.points(), "points", 3, 160, pol)));
                    }
                    return new SectionDraft(new Section("offerings", SectionKind.OFFERINGS, Answers.text(answer.heading(), "heading", 120, pol),
                            Answers.text(answer.body(), "body", 400, pol), items,
                            items.stream().map(i -> "offerings.yaml#" + i.ref()).toList()));
                });
    }

    public HeroDraft hero(Profile p, Company c, Research research, MatchedOfferings matched, PersonaContext ctx) {
        Map<String, String> vars = vars(p, c);
        vars.put("painPoints", Drafts.painPointSummaries(research));
        vars.put("offerings", Drafts.offerings(matched));
        Section testimonial = rules.testimonial(p, c, research);
        // the call to action is the company's own: its label is the one value the schema allows
        RecordSchema schema = RecordSchema.of(HeroCopyAnswer.class)
                .choices("HeroCopyAnswer.ctaLabel", List.of(ai.atelier.knowledge.CompanyCallToAction.of(c).label()));
        return new PersonaCall<HeroCopyAnswer, HeroDraft>("copywriter-hero", "hero copy", vars, List.of("painPoints", "offerings"),
                HeroCopyAnswer.class, schema)
                .run(engines, ctx, () -> new HeroDraft(rules.hero(p, c, research), testimonial), a -> {
                    Policies pol = c.policies();
                    HeroCopy hero = new HeroCopy(Answers.text(a.title(), "title", 120, pol), Answers.text(a.headline(), "headline", 140, pol),
                            Answers.text(a.intro(), "intro", 600, pol), new CallToAction(Answers.text(a.ctaLabel(), "ctaLabel", 60, pol),
                            Answers.text(a.ctaText(), "ctaText", 300, pol), SpecRules.ctaHref(c)));
                    return new HeroDraft(hero, testimonial);
                }, d -> d.hero());
    }

    private static Map<String, String> vars(Profile p, Company c) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(c));
        vars.put("visitor", VisitorBrief.of(p));
        vars.put("guidelines", GuidelineSections.of(c.designGuidelines(), GuidelineSections.COPY)); // the voice, not layout or colour
        return vars;
    }

    private static int indexOf(List<RetrievedChunk> pains, String chunkId) {
        for (int i = 0; i < pains.size(); i++) if (pains.get(i).chunk().id().equals(chunkId)) return i;
        return -1;
    }
}
