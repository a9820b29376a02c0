package ai.atelier.workflow.steps;

import ai.atelier.site.PersonaContext;
import ai.atelier.workflow.Crew;
import ai.atelier.workflow.SiteState;
import ai.atelier.workflow.Step;
import java.util.List;
import java.util.Set;

/**
 * The personalizer: the visitor's profile and the company's knowledge in, the page's spec
 * (spec.json) out. It owns the checks that judge the copy and the company's policy, since the
 * spec is where the words come from.
 */
final class PersonalizerStep implements Step {
    /** The quality checks that judge the page's words rather than its markup: the personalizer's to revise. */
    public static final Set<String> COPY_CHECKS = Set.of("banned-phrases", "disclaimer", "personalization", "grounding", "copy-quality",
            "call-to-action");

    @Override
    public String persona() {
        return "personalizer";
    }

    @Override
    public List<String> reads() {
        return List.of();
    }

    @Override
    public List<String> writes() {
        return List.of(SiteState.SPEC);
    }

    @Override
    public void run(SiteState state, Crew crew, PersonaContext ctx) {
        state.spec(crew.engines().personalizer(ctx.role()).personalize(state.profile(), state.company(), state.retriever(), ctx));
    }

    @Override
    public boolean restore(SiteState state) {
        return state.restoreSpec();
    }

    @Override
    public boolean wholeOnDisk() {
        return true;
    }

    @Override
    public Claim claim(String check) {
        return COPY_CHECKS.contains(check) ? Claim.OWNER : Claim.NONE;
    }
}
