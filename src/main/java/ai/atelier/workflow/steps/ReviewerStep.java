package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.finegrained.Drafts.Review;
import ai.atelier.site.finegrained.Drafts;
import ai.atelier.site.finegrained.Reviewer;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Re-reads the assembled page against the spec before QA (drafts/review.json).
 */
final class ReviewerStep implements Step {
    @Override
    public String persona() {
        return "reviewer";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.SPEC, SiteState.PAGE);
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(Drafts.REVIEW));
    }

    @Override
    public void run(SiteState s, Crew crew, PersonaContext ctx) {
        if (s.page() == null) throw new IllegalStateException("no page to review yet: a front-end developer step must run first");
        s.draft(Drafts.REVIEW, new Reviewer(crew.engines()).review(s.profile(), s.company(), s.spec(), s.page(), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(Drafts.REVIEW, Review.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }
}
