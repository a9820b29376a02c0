package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.finegrained.OfferingMatcher;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Chooses the offerings that fit the visitor's research (drafts/offerings.json).
 */
final class OfferingMatcherStep implements Step {
    @Override
    public String persona() {
        return "offering-matcher";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.draftName(Drafts.RESEARCH));
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.OFFERINGS));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        s.draft(Drafts.OFFERINGS, new OfferingMatcher(crew.engines(), Rules.SHARED).match(s.profile(), s.company(),
                s.draft(Drafts.RESEARCH, Research.class), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.OFFERINGS, MatchedOfferings.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
