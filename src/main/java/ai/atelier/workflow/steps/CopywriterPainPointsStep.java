package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Copywriter;
import ai.atelier.site.finegrained.Drafts.SectionDraft;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.rules.SpecRules.Research;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Writes the pain-points section from the research (drafts/copy-pain-points.json).
 */
final class CopywriterPainPointsStep implements Step {
    @Override
    public String persona() {
        return "copywriter-pain-points";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.draftName(Drafts.RESEARCH));
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.PAIN_POINTS_COPY));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        s.draft(Drafts.PAIN_POINTS_COPY, new Copywriter(crew.engines(), Rules.SHARED).painPoints(s.profile(), s.company(),
                s.draft(Drafts.RESEARCH, Research.class), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.PAIN_POINTS_COPY, SectionDraft.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
