package ai.atelier.workflow;

import ai.atelier.AtelierException;
import ai.atelier.site.Engines;
import ai.atelier.site.builtin.SpecRules;
import ai.atelier.site.builtin.SpecRules.Research;
import ai.atelier.site.finegrained.ArtDirector;
import ai.atelier.site.finegrained.Copywriter;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.SectionDraft;
import ai.atelier.site.finegrained.Drafts.VisualPlan;
import ai.atelier.site.finegrained.OfferingMatcher;
import ai.atelier.site.finegrained.PainPointAnalyst;
import ai.atelier.site.finegrained.Reviewer;
import ai.atelier.site.WebsiteSpec.Section;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The fine-grained workflow's personas as step actions: the personalizer's job split into a
 * pain-point analyst, an offering matcher, three copywriters and an art director, plus a reviewer
 * after the page is built. Each reads the drafts of the steps it follows from the site state and
 * writes its own; the art director's step assembles the spec the artist and developer work from.
 */
final class FineGrainedSteps {
    static final Set<String> PERSONAS = Set.of("pain-point-analyst", "offering-matcher", "copywriter-pain-points",
            "copywriter-offerings", "copywriter-hero", "art-director", "reviewer");
    private final PainPointAnalyst analyst;
    private final OfferingMatcher matcher;
    private final Copywriter copywriter;
    private final ArtDirector artDirector;
    private final Reviewer reviewer;

    FineGrainedSteps(Engines engines) {
        SpecRules rules = new SpecRules();
        this.analyst = new PainPointAnalyst(engines, rules);
        this.matcher = new OfferingMatcher(engines, rules);
        this.copywriter = new Copywriter(engines, rules);
        this.artDirector = new ArtDirector(engines, rules);
        this.reviewer = new Reviewer(engines);
    }

    StepAction action(String persona) {
        return switch (persona) {
            case "pain-point-analyst" -> (s, ctx) -> s.draft(Drafts.RESEARCH, analyst.analyse(s.profile(), s.company(), s.retriever(), ctx));
            case "offering-matcher" -> (s, ctx) -> s.draft(Drafts.OFFERINGS, matcher.match(s.profile(), s.company(), research(s), ctx));
            case "copywriter-pain-points" -> (s, ctx) -> s.draft(Drafts.PAIN_POINTS_COPY,
                    copywriter.painPoints(s.profile(), s.company(), research(s), ctx));
            case "copywriter-offerings" -> (s, ctx) -> s.draft(Drafts.OFFERINGS_COPY,
                    copywriter.offerings(s.profile(), s.company(), research(s), offerings(s), ctx));
            case "copywriter-hero" -> (s, ctx) -> s.draft(Drafts.HERO_COPY,
                    copywriter.hero(s.profile(), s.company(), research(s), offerings(s), ctx));
            case "art-director" -> (s, ctx) -> {
                HeroDraft hero = s.draft(Drafts.HERO_COPY, HeroDraft.class);
                List<Section> sections = Arrays.asList(s.draft(Drafts.PAIN_POINTS_COPY, SectionDraft.class).section(),
                        s.draft(Drafts.OFFERINGS_COPY, SectionDraft.class).section(), hero.testimonial());
                VisualPlan plan = artDirector.plan(s.profile(), s.company(), research(s), offerings(s), sections, hero, ctx);
                s.draft(Drafts.VISUAL_PLAN, plan);
                s.spec(SpecRules.assemble(s.company(), hero.hero(), sections, plan.visuals()));
            };
            case "reviewer" -> (s, ctx) -> {
                if (s.page() == null) throw new IllegalStateException("no page to review yet: a front-end developer step must run first");
                s.draft(Drafts.REVIEW, reviewer.review(s.profile(), s.company(), s.spec(), s.page(), ctx));
            };
            default -> throw new AtelierException("unknown persona \"" + persona + "\"");
        };
    }

    private static Research research(SiteState s) {
        return s.draft(Drafts.RESEARCH, Research.class);
    }

    private static MatchedOfferings offerings(SiteState s) {
        return s.draft(Drafts.OFFERINGS, MatchedOfferings.class);
    }
}
