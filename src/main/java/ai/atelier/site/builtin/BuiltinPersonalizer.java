package ai.atelier.site.builtin;

import ai.atelier.knowledge.Retriever.RetrievedChunk;
import java.util.List;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.ModelCall;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.rules.SpecRules;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built-in engine's personalizer: a rule-based composer, no model. It retrieves research for
 * the visitor (industry-filtered lexical scoring, falling back to cross-industry research for an
 * industry the company has not studied), ranks offerings and testimonials against the visitor's
 * industry and interests, and writes the spec from what it found, with provenance on every section.
 * The rules themselves live in {@link SpecRules}, which the fine-grained workflow runs move by move.
 * Its tokens are counted over the prompt a model would have been sent and the spec it returns.
 */
public final class BuiltinPersonalizer implements Personalizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpecRules rules = new SpecRules();

    @Override
    public WebsiteSpec personalize(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        long start = ctx.meter().nowMs();
        SpecRules.Research research = rules.research(profile, company, retriever);
        Prompt prompt = new Prompt(
                ctx.prompts().render("personalizer.system", KnowledgeDigest.company(company)),
                ctx.prompts().render("personalizer.user", KnowledgeDigest.variables(profile, company, research.passages())));

        WebsiteSpec spec = rules.compose(profile, company, research);

        String output;
        try {
            output = JSON.writeValueAsString(spec);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var usage = ctx.tokens().estimate(prompt.text(), output); // timed inside the stand-in call
        ctx.meter().record(ModelCall.builder(ctx.role(), ctx.model(), "builtin").purpose("personalize").timed(start, ctx.meter().nowMs() - start).usage(usage).build());
        return spec;
    }

    /**
     * The research a personalizer should be shown for this visitor, found the way the built-in
     * engine finds it (so model-backed personalizers are given the same passages).
     */
    public static List<RetrievedChunk> research(Profile profile, Company company, Retriever retriever) {
        return SpecRules.passages(profile, company, retriever);
    }
}
