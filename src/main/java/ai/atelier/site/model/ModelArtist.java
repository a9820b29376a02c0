package ai.atelier.site.model;

import ai.atelier.site.RoleModel;
import ai.atelier.knowledge.Company;
import ai.atelier.model.ImageClient;
import ai.atelier.site.Artist;
import ai.atelier.site.Image;
import ai.atelier.site.KnowledgeDigest;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.VisualElement;
import java.util.HashMap;
import java.util.Map;

/**
 * The artist on a real image model (OpenAI Images, Bedrock Nova Canvas or Titan): one picture per
 * visual element, prompted from {@code prompts/artist.*.md} in the brand palette, saved as
 * {@code assets/<id>.png}. Each picture is priced per image from the catalog.
 */
public final class ModelArtist implements Artist {
    private final RoleModel model;
    private final String size;
    private final String quality;

    public ModelArtist(RoleModel model, String size, String quality) {
        this.model = model;
        this.size = size;
        this.quality = quality;
    }

    @Override
    public String fileExtension() {
        return "png";
    }

    @Override
    public Image draw(VisualElement e, Company company, PersonaContext ctx) {
        Map<String, String> vars = new HashMap<>(KnowledgeDigest.brand(company));
        vars.put("kind", e.kind().name());
        vars.put("label", e.label());
        vars.put("description", e.description());
        String prompt = ctx.prompts().render("artist.system", vars) + "\n" + ctx.prompts().render("artist.user", vars);
        ImageClient.ImageResult r = model.images(ctx)
                .generate(new ImageClient.ImageRequest(ctx.role(), "image " + e.id(), prompt, size, quality));
        return new Image(e.id(), "assets/" + e.id() + "." + fileExtension(), r.mediaType(), r.data(), e.label());
    }
}
