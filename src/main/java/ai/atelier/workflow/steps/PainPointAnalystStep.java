package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.finegrained.PainPointAnalyst;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * The fine-grained workflow's first step: retrieves the research that fits the visitor and picks
 * the pain points the page will speak to (drafts/research.json).
 */
final class PainPointAnalystStep implements Step {
    @Override
    public String persona() {
        return "pain-point-analyst";
    }

    @Override
    public List<String> reads() {
        return List.of();
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.RESEARCH));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        s.draft(Drafts.RESEARCH, new PainPointAnalyst(crew.engines(), Rules.SHARED).analyse(s.profile(), s.company(), s.retriever(), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.RESEARCH, Research.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
