package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Copywriter;
import ai.atelier.site.finegrained.Drafts.HeroDraft;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Writes the opening copy and call to action, and places the testimonial (drafts/copy-hero.json).
 */
final class CopywriterHeroStep implements Step {
    @Override
    public String persona() {
        return "copywriter-hero";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.draftName(Drafts.RESEARCH), SiteState.draftName(Drafts.OFFERINGS));
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.HERO_COPY));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        s.draft(Drafts.HERO_COPY, new Copywriter(crew.engines(), Rules.SHARED).hero(s.profile(), s.company(),
                s.draft(Drafts.RESEARCH, Research.class), s.draft(Drafts.OFFERINGS, MatchedOfferings.class), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.HERO_COPY, HeroDraft.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
