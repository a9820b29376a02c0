package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.WebsiteSpec.Section;
import ai.atelier.site.finegrained.ArtDirector;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.SectionDraft;
import ai.atelier.site.finegrained.Drafts.VisualPlan;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.site.rules.SpecRules;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.Arrays;
import java.util.List;

/**
 * Plans the page's visuals from the copy (drafts/visual-plan.json), then assembles the spec the
 * artist and the developer work from. Two files, so a resume keeps it only with its journal entry.
 */
final class ArtDirectorStep implements Step {
    @Override
    public String persona() {
        return "art-director";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.draftName(Drafts.RESEARCH), SiteState.draftName(Drafts.OFFERINGS), SiteState.draftName(Drafts.PAIN_POINTS_COPY),
                SiteState.draftName(Drafts.OFFERINGS_COPY), SiteState.draftName(Drafts.HERO_COPY));
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.VISUAL_PLAN), SiteState.SPEC);
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        HeroDraft hero = s.draft(Drafts.HERO_COPY, HeroDraft.class);
        List<Section> sections = Arrays.asList(s.draft(Drafts.PAIN_POINTS_COPY, SectionDraft.class).section(),
                s.draft(Drafts.OFFERINGS_COPY, SectionDraft.class).section(), hero.testimonial());
        VisualPlan plan = new ArtDirector(crew.engines(), Rules.SHARED).plan(s.profile(), s.company(), s.draft(Drafts.RESEARCH, Research.class),
                s.draft(Drafts.OFFERINGS, MatchedOfferings.class), sections, hero, ctx);
        s.draft(Drafts.VISUAL_PLAN, plan);
        s.spec(SpecRules.assemble(s.company(), hero.hero(), sections, plan.visuals()));
    }

    @Override
    public boolean restore(SiteState state) {
        // the plan, then the spec it assembles: both must be there
        return state.restoreDraft(Drafts.VISUAL_PLAN, VisualPlan.class) && state.restoreSpec();
    }
}
