package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;

/**
 * The example of docs/adding-a-step.md (a test fixture, not shipped): writes the page's meta
 * description, the spec's intro cut at a word within 155 characters, as drafts/meta-description.json.
 */
final class MetaDescriptionStep implements Step {
    static final String DRAFT = "meta-description";
    static final int MAX = 155;

    /** The draft this step writes: what a search engine shows under the page's title. */
    record MetaDescription(String text) {}

    @Override
    public String persona() {
        return "meta-describer";
    }

    @Override
    public List<String> reads() {
        return List.of(SiteState.SPEC);
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.draftName(DRAFT));
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) {
        String intro = state.spec().intro().strip().replaceAll("\\s+", " ");
        int cut = intro.lastIndexOf(' ', MAX - 1);
        String text = intro.length() <= MAX ? intro : intro.substring(0, cut > 0 ? cut : MAX - 1) + "…";
        state.draft(DRAFT, new MetaDescription(text));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreDraft(DRAFT, MetaDescription.class);
    }

    @Override
    public boolean wholeOnDisk() {
        return true; // one file, written atomically as the step's last act
    }
}
