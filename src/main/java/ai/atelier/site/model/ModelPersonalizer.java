package ai.atelier.site.model;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.knowledge.Retriever.RetrievedChunk;
import ai.atelier.model.RecordSchema;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Personalizer;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.builtin.BuiltinPersonalizer;
import java.util.List;
import java.util.Set;

/**
 * The personalizer on a real model: the same retrieval and prompts as the built-in engine (the
 * visitor as quoted data, the research passages, offerings, testimonials, guidelines and policies),
 * the {@link WebsiteSpec} schema as structured output, the answer checked by {@link SpecValidator}
 * with a repair round and escalation when it fails.
 */
public final class ModelPersonalizer implements Personalizer {
    /** Components of the spec a model may leave out. */
    static final Set<String> OPTIONAL = Set.of("Item.visual", "Item.ref", "Item.points", "Section.items", "Section.body");
    static final String SCHEMA = RecordSchema.of(WebsiteSpec.class, OPTIONAL);
    private final RoleModels models;
    private final SpecValidator validator = new SpecValidator();

    public ModelPersonalizer(RoleModels models) {
        this.models = models;
    }

    @Override
    public WebsiteSpec personalize(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        List<RetrievedChunk> hits = BuiltinPersonalizer.research(profile, company, retriever);
        Prompt prompt = new Prompt(
                ctx.prompts().render("personalizer.system", KnowledgeDigest.brand(company)),
                ctx.prompts().render("personalizer.user", KnowledgeDigest.variables(profile, company, hits)));
        return PersonaRequests.structured(ctx).call(models.ladder(ctx.role(), ctx),
                PersonaRequests.request(ctx, models, "personalize", prompt, SCHEMA), WebsiteSpec.class,
                spec -> validator.validate(spec, company));
    }
}
