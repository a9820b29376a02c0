package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.site.SiteGenerator;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * The single-step design: one persona writes the spec, the images and the page at once (the
 * single-llm baseline). It can fix any failure, unless the workflow also has a step that owns it.
 */
final class SiteGeneratorStep implements Step {
    @Override
    public String persona() {
        return "site-generator";
    }

    @Override
    public List<String> reads() {
        return List.of();
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.SPEC, SiteState.IMAGES, SiteState.PAGE);
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) {
        SiteGenerator.Result r = crew.engines().siteGenerator(ctx.role()).generate(state.profile(), state.company(), state.retriever(), ctx);
        state.spec(r.spec());
        r.images().forEach(state::addImage);
        state.page(r.page());
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreSpec() && state.restoreImages() && state.restorePage();
    }

    @Override
    public Claim claim(String check) {
        return Claim.WHOLE_SITE;
    }
}
