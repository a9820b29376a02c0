package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.AtelierConfig.DeveloperMode;
import ai.atelier.model.CallMeter;
import ai.atelier.model.RecordSchema;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.SiteFile;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.builtin.BuiltinPersonalizer;
import ai.atelier.site.builtin.SvgArtist;
import ai.atelier.site.design.DesignSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The single-llm baseline on a real model: one structured call writes the whole site's content
 * (template mode: the spec, rendered by the design system) or content and code (code mode: the spec
 * plus index.html and styles.css, vetted by {@link CodeCheck}). Images are drawn from the spec's
 * visual elements by the built-in SVG artist, in code, without a model call and unmetered, so the
 * baseline's cost is its one model call (plus any repair or escalation rounds).
 */
public final class ModelSiteGenerator implements SiteGenerator {
    private final RoleModel model;
    private final DeveloperMode mode;
    private final SpecValidator specs = new SpecValidator();
    private final CodeCheck code = new CodeCheck();
    private final DesignSystem design = new DesignSystem();
    private final SvgArtist artist = new SvgArtist();

    public ModelSiteGenerator(RoleModel model, DeveloperMode mode) {
        this.model = model;
        this.mode = mode;
    }

    @Override
    public Result generate(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        var hits = BuiltinPersonalizer.research(profile, company, retriever);
        String tail = ctx.prompts().template(mode == DeveloperMode.CODE ? "single-llm.code" : "single-llm.template");
        PassageBudget.Fitted fit = PassageBudget.fit(model, ctx, hits, kept -> new Prompt(
                ctx.prompts().render("single-llm.system", KnowledgeDigest.company(company)),
                ctx.prompts().render("single-llm.user", KnowledgeDigest.variables(profile, company, kept)) + tail));
        Prompt p = fit.prompt();
        SingleSiteAnswer answer = PersonaRequests.structured(ctx).call(model.ladder(ctx),
                PersonaRequests.request(ctx, model, "whole site" + fit.note(), p, schema(company)), SingleSiteAnswer.class, a -> validate(a, company));
        WebsiteSpec spec = SpecIds.settle(answer.spec());
        List<ImageSlot> slots = ImageSlot.plan(spec, "svg");
        // The baseline's images are drawn in code; a private meter keeps them out of the model trace.
        PersonaContext drawing = new PersonaContext(ctx.role(), "builtin", new CallMeter(System.nanoTime()), ctx.executor(),
                ctx.prompts(), ctx.tokens(), List.of());
        List<Image> images = new ArrayList<>();
        spec.visualElements().forEach(v -> images.add(artist.draw(v, company, drawing)));
        List<SiteFile> page = mode == DeveloperMode.CODE ? code.toSiteFiles(new CodeFiles(answer.files())) : design.render(spec, slots, company);
        return new Result(spec, images, page);
    }

    /** The whole-site answer's schema: the company-bound spec, and in code mode the files (template mode asks for none). */
    String schema(Company company) {
        var tree = RecordSchema.of(SingleSiteAnswer.class).optional(Set.of("SingleSiteAnswer.files")).tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("properties")).set("spec", SpecSchemas.personalizer(company).tree());
        if (mode != DeveloperMode.CODE) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("properties")).remove("files");
        }
        return tree.toString();
    }

    private List<String> validate(SingleSiteAnswer a, Company company) {
        if (a.spec() == null) return List.of("spec is missing");
        WebsiteSpec spec = SpecIds.settle(a.spec());
        List<String> e = new ArrayList<>(specs.validate(spec, company));
        if (mode == DeveloperMode.CODE) e.addAll(code.validate(new CodeFiles(a.files()), ImageSlot.plan(spec, "svg")));
        return e;
    }
}
