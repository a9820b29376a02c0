package ai.atelier.workflow.steps;

import ai.atelier.quality.QaReviewer;
import ai.atelier.quality.QualityReport;
import ai.atelier.quality.SiteUnderTest;
import ai.atelier.site.PersonaContext;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * QA: runs the crew's checks over the site folder as it is, scores and gates it; a reviewer model,
 * when the role is bound to one, advises beside the score and never gates. It is never restored on
 * a resume: it judges the page as it is now.
 */
final class QaStep implements Step {
    @Override
    public String persona() {
        return "qa";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.PAGE);
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.QUALITY);
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) {
        SiteUnderTest site = SiteUnderTest.of(state.folder().root(), state.hasSpec() ? state.spec() : null, state.profile(), state.company());
        QualityReport report = crew.qa().review(site);
        var reviewer = crew.engines().chatModel(ctx.role(), ctx);
        if (reviewer.isPresent()) report = report.withReview(new QaReviewer(ctx.prompts()).review(site, reviewer.get(), ctx.role()));
        state.quality(report);
    }
}
