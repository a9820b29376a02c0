package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Copywriter;
import ai.atelier.site.finegrained.Drafts.MatchedOfferings;
import ai.atelier.site.finegrained.Drafts.SectionDraft;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Writes the offerings section from the research and the matched offerings (drafts/copy-offerings.json).
 */
final class CopywriterOfferingsStep implements Step {
    @Override
    public String persona() {
        return "copywriter-offerings";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.draftName(Drafts.RESEARCH), SiteState.draftName(Drafts.OFFERINGS));
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.OFFERINGS_COPY));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        s.draft(Drafts.OFFERINGS_COPY, new Copywriter(crew.engines(), Rules.SHARED).offerings(s.profile(), s.company(),
                s.draft(Drafts.RESEARCH, Research.class), s.draft(Drafts.OFFERINGS, MatchedOfferings.class), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.OFFERINGS_COPY, SectionDraft.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
