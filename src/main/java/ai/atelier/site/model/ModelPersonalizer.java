package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.builtin.BuiltinPersonalizer;
import java.util.List;

/**
 * The personalizer on a real model: the same retrieval and prompts as the built-in engine (the
 * visitor as quoted data, the research passages, offerings, testimonials, guidelines and policies),
 * the {@link WebsiteSpec} schema bound to the company ({@link SpecSchemas}) as structured output, ids
 * settled by {@link SpecIds}, the rest checked by {@link SpecValidator} with a repair round and
 * escalation when it fails.
 */
public final class ModelPersonalizer implements Personalizer {
    private final RoleModel model;
    private final SpecValidator validator = new SpecValidator();

    public ModelPersonalizer(RoleModel model) {
        this.model = model;
    }

    @Override
    public WebsiteSpec personalize(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        List<RetrievedChunk> hits = BuiltinPersonalizer.research(profile, company, retriever);
        PassageBudget.Fitted fit = PassageBudget.fit(model, ctx, hits, kept -> new Prompt(
                ctx.prompts().render("personalizer.system", KnowledgeDigest.company(company)),
                ctx.prompts().render("personalizer.user", KnowledgeDigest.variables(profile, company, kept))));
        Prompt prompt = fit.prompt();
        WebsiteSpec answer = PersonaRequests.structured(ctx).call(model.ladder(ctx),
                PersonaRequests.request(ctx, model, "personalize" + fit.note(), prompt, SpecSchemas.personalizer(company).json()), WebsiteSpec.class,
                spec -> validator.validate(SpecIds.settle(spec), company));
        return SpecIds.settle(answer);
    }
}
