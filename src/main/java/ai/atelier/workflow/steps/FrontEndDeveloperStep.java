package ai.atelier.workflow.steps;

import ai.atelier.site.Handoff;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * The front-end developer: the spec and the planned image slots in, the page (index.html,
 * styles.css, perhaps script.js) out. It owns every check of the page's markup, accessibility,
 * layout and links, and the copy checks too when the workflow has no step that owns those.
 */
final class FrontEndDeveloperStep implements Step {
    @Override
    public String persona() {
        return "frontend-developer";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.SPEC);
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.PAGE);
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) {
        WebsiteSpec spec = state.spec();
        List<ImageSlot> slots = ImageSlot.plan(spec, state.imageExtension());
        ctx.meter().carried(ctx.tokens().count(Handoff.spec(spec)) + ctx.tokens().count(Handoff.slots(slots)));
        state.page(crew.engines().developer(ctx.role()).build(spec, slots, state.company(), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restorePage();
    }

    @Override
    public Claim claim(String check) {
        return PersonalizerStep.COPY_CHECKS.contains(check) ? Claim.FALLBACK : Claim.OWNER;
    }
}
