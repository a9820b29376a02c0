package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.knowledge.Company;
import ai.atelier.model.AtelierConfig.DeveloperMode;
import ai.atelier.model.RecordSchema;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import ai.atelier.site.SiteFile;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.builtin.BuiltinFrontEndDeveloper;
import ai.atelier.site.design.DesignSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The front-end developer on a real model, in one of two modes. Template: the model polishes the
 * spec's copy (same schema, same ids, links and images) and the design system renders it, so the
 * page's structure and safety come from code. Code: the model writes index.html, styles.css and
 * maybe script.js, which {@link CodeCheck} vets (nothing loads from outside the site) before any is
 * saved; the page then goes through the same QA as any other.
 */
public final class ModelFrontEndDeveloper implements FrontEndDeveloper {
    static final String CODE_SCHEMA = RecordSchema.of(CodeFiles.class, Set.of());
    private final RoleModel model;
    private final DeveloperMode mode;
    private final DesignSystem design = new DesignSystem();
    private final SpecValidator specs = new SpecValidator();
    private final CodeCheck code = new CodeCheck();

    public ModelFrontEndDeveloper(RoleModel model, DeveloperMode mode) {
        this.model = model;
        this.mode = mode;
    }

    @Override
    public List<SiteFile> build(WebsiteSpec spec, List<ImageSlot> slots, Company company, PersonaContext ctx) {
        Prompt base = BuiltinFrontEndDeveloper.prompt(spec, slots, company, ctx);
        if (mode == DeveloperMode.CODE) {
            Prompt p = new Prompt(base.system(), base.user() + ctx.prompts().template("frontend-developer.code"));
            CodeFiles files = PersonaRequests.structured(ctx).call(model.ladder(ctx),
                    PersonaRequests.request(ctx, model, "page (code)", p, CODE_SCHEMA), CodeFiles.class, f -> code.validate(f, slots));
            return code.toSiteFiles(files);
        }
        String user = ctx.prompts().render("frontend-developer.template.user", java.util.Map.of("spec", json(spec),
                "slots", slots.stream().map(s -> "- " + s.elementId() + " (" + s.kind() + "): src=\"" + s.path() + "\" alt=\"" + s.alt() + "\"")
                        .collect(java.util.stream.Collectors.joining("\n"))));
        WebsiteSpec refined = PersonaRequests.structured(ctx).call(model.ladder(ctx),
                PersonaRequests.request(ctx, model, "page (template)", new Prompt(base.system(), user), SpecSchemas.developer(spec, company).json()),
                WebsiteSpec.class, r -> {
                    List<String> structure = sameStructure(spec, r);
                    return structure.isEmpty() ? specs.validate(keepFixed(spec, r), company) : structure;
                });
        return design.render(keepFixed(spec, refined), slots, company);
    }

    /** The same pretty JSON as before, from the shared mapper: a new ObjectMapper per call re-learns every record's serializer. */
    private static String json(WebsiteSpec spec) {
        return ai.atelier.site.Handoff.spec(spec);
    }

    /**
     * The developer may reword, not re-plan: as many sections as given (the schema fixes the number
     * too; this is the check for servers that only read it as a hint). Ids, kinds, sources, pictures
     * and the link are taken from the original by position ({@link #keepFixed}), so a reworded
     * section cannot rename or drop one.
     */
    static List<String> sameStructure(WebsiteSpec original, WebsiteSpec refined) {
        List<String> e = new ArrayList<>();
        if (refined.sections().size() != original.sections().size() || refined.sections().stream().anyMatch(java.util.Objects::isNull)) {
            e.add("keep the " + original.sections().size() + " sections exactly as given: "
                    + String.join(", ", original.sections().stream().map(WebsiteSpec.Section::id).toList()));
        }
        if (refined.callToAction() == null) e.add("callToAction is missing");
        return e;
    }

    /** Images, the call-to-action link and sources are the personalizer's decisions; the developer's version keeps them. */
    static WebsiteSpec keepFixed(WebsiteSpec original, WebsiteSpec refined) {
        List<WebsiteSpec.Section> sections = new ArrayList<>();
        for (int i = 0; i < refined.sections().size(); i++) {
            WebsiteSpec.Section r = refined.sections().get(i);
            WebsiteSpec.Section o = original.sections().get(i);
            sections.add(new WebsiteSpec.Section(o.id(), o.kind(), r.heading(), r.body(), r.items(), o.sources()));
        }
        var cta = new WebsiteSpec.CallToAction(refined.callToAction().label(), refined.callToAction().text(), original.callToAction().href());
        return new WebsiteSpec(refined.title(), refined.headline(), refined.intro(), sections, cta, original.disclaimer(), original.visualElements());
    }
}
