package ai.atelier.site;

import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.Retriever;

/**
 * Turns a visitor into a {@link WebsiteSpec}: renders the profile as quoted data, retrieves the
 * company research that fits them, picks offerings and a testimonial, and applies the company's
 * guidelines and policies.
 */
public interface Personalizer {
    WebsiteSpec personalize(Profile profile, Company company, Retriever retriever, PersonaContext ctx);
}
