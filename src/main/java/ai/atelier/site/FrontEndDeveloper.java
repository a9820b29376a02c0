package ai.atelier.site;

import ai.atelier.knowledge.Company;
import java.util.List;

/**
 * Turns a spec and its image slots into the page's files (index.html, styles.css, maybe a small
 * script), accessible and responsive, loading nothing from outside the site folder.
 */
public interface FrontEndDeveloper {
    List<SiteFile> build(WebsiteSpec spec, List<ImageSlot> slots, Company company, PersonaContext ctx);
}
