package ai.atelier.site;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;
import java.util.List;

/** One step that does the whole job (the single-llm baseline): spec, images and page at once. */
public interface SiteGenerator {
    Result generate(Profile profile, Company company, Retriever retriever, PersonaContext ctx);

    record Result(WebsiteSpec spec, List<Image> images, List<SiteFile> page) {}
}
