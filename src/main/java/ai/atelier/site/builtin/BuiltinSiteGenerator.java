package ai.atelier.site.builtin;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import ai.atelier.model.ModelCall;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Profile;
import ai.atelier.site.Prompt;
import ai.atelier.site.SiteFile;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.WebsiteSpec;
import ai.atelier.site.design.DesignSystem;
import ai.atelier.site.rules.SpecRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in engine doing the whole job in one step, as the single-llm baseline would: the same
 * rules as the three personas, run back to back, metered as ONE call whose prompt is the
 * single-llm prompt and whose output is every file of the site.
 */
public final class BuiltinSiteGenerator implements SiteGenerator {
    private final SpecRules rules = new SpecRules();
    private final SvgArtist artist = new SvgArtist();
    private final DesignSystem design = new DesignSystem();

    @Override
    public Result generate(Profile profile, Company company, Retriever retriever, PersonaContext ctx) {
        long start = ctx.meter().nowMs();
        SpecRules.Research research = rules.research(profile, company, retriever);
        Prompt prompt = new Prompt(
                ctx.prompts().render("single-llm.system", KnowledgeDigest.company(company)),
                ctx.prompts().render("single-llm.user", KnowledgeDigest.variables(profile, company, research.passages())));
        WebsiteSpec spec = rules.compose(profile, company, research);
        List<Image> images = new ArrayList<>();
        spec.visualElements().forEach(v -> images.add(switch (v.kind()) {
            case HERO -> svg(v.id(), SvgArtist.hero(v, company.info().brand()), v.label());
            case ICON -> svg(v.id(), SvgArtist.icon(v, company.info().brand()), v.label());
            case BACKGROUND -> svg(v.id(), SvgArtist.background(v, company.info().brand()), v.label());
        }));
        List<SiteFile> page = design.render(spec, ImageSlot.plan(spec, "svg"), company);
        StringBuilder output = new StringBuilder();
        page.forEach(f -> output.append(f.asText()).append('\n'));
        images.forEach(i -> output.append(new String(i.data(), StandardCharsets.UTF_8)).append('\n'));
        var usage = ctx.tokens().estimate(prompt.text(), output.toString()); // timed inside the stand-in call
        ctx.meter().record(ModelCall.builder(ctx.role(), ctx.model(), "builtin").purpose("whole site").timed(start, ctx.meter().nowMs() - start).usage(usage).build());
        return new Result(spec, images, page);
    }

    private static Image svg(String id, String svg, String alt) {
        return new Image(id, "assets/" + id + ".svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8), alt);
    }
}
