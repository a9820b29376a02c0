package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import ai.atelier.model.ModelCall;
import ai.atelier.site.FrontEndDeveloper;
import ai.atelier.site.Handoff;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompt;
import ai.atelier.site.SiteFile;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.design.DesignSystem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in engine's front-end developer: renders the spec through the company's design
 * system. Its tokens are counted over the prompt a model would get (the spec and the image slots)
 * and the files it returns.
 */
public final class BuiltinFrontEndDeveloper implements FrontEndDeveloper {
    private final DesignSystem design = new DesignSystem();

    @Override
    public List<SiteFile> build(WebsiteSpec spec, List<ImageSlot> slots, Company company, PersonaContext ctx) {
        long start = ctx.meter().nowMs();
        List<SiteFile> files = design.render(spec, slots, company);
        // Counting is part of the stand-in call, so it is timed inside it, not left as orchestration time.
        var usage = ctx.tokens().estimate(prompt(spec, slots, company, ctx).text(), files.stream().map(SiteFile::asText).collect(Collectors.joining("\n")));
        ctx.meter().record(ModelCall.builder(ctx.role(), ctx.model(), "builtin").purpose("page").timed(start, ctx.meter().nowMs() - start).usage(usage).build());
        return files;
    }

    /** The prompt a model-backed developer would be sent for this spec. */
    public static Prompt prompt(WebsiteSpec spec, List<ImageSlot> slots, Company company, PersonaContext ctx) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(company));
        vars.put("spec", Handoff.spec(spec));
        vars.put("slots", Handoff.slots(slots));
        return new Prompt(ctx.prompts().render("frontend-developer.system", vars), ctx.prompts().render("frontend-developer.user", vars));
    }
}
