package ai.atelier.workflow.steps;

import ai.atelier.site.Handoff;
import ai.atelier.site.Image;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.VisualElement;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The artist: one image per visual element of the spec, drawn in parallel through the context's
 * fan-out (which never blocks a step-pool worker on its own pool); the first failure cancels the rest. The artist bound to its role decides the
 * image file type, which the state learns before any step runs, so the developer can plan image
 * slots while the artist is still drawing.
 */
final class ArtistStep implements Step {
    @Override
    public String persona() {
        return "artist";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.SPEC);
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.IMAGES);
    }

    @Override
    public void prepare(SiteState state, Crew crew, String role) {
        state.imageExtension(crew.engines().artist(role).fileExtension());
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) throws Exception {
        var artist = crew.engines().artist(ctx.role());
        List<Callable<Image>> draws = new ArrayList<>();
        for (VisualElement v : state.spec().visualElements()) {
            ctx.meter().carried(ctx.tokens().count(Handoff.visual(v)));
            draws.add(() -> artist.draw(v, state.company(), ctx));
        }
        ctx.fanOut(draws).forEach(state::addImage);
    }

    @Override
    public boolean restore(SiteState state) {
        return state.hasSpec() && state.restoreImages();
    }
}
