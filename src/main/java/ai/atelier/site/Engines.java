package ai.atelier.site;

import ai.atelier.model.ModelClient;
import java.util.Optional;

/**
 * Which implementation plays each role: the built-in engine, or a model the configuration binds to
 * that role. The workflow asks for personas by role and never knows which engine answers.
 */
public interface Engines {
    /** The model name a role is bound to ("builtin" for the built-in engine). */
    String modelFor(String role);

    Personalizer personalizer(String role);

    Artist artist(String role);

    FrontEndDeveloper developer(String role);

    SiteGenerator siteGenerator(String role);

    /**
     * A chat client for a role bound to a model, whose calls are metered into {@code ctx}'s meter
     * (tokens and cost per call); empty when the role runs on the built-in engine. Personas beyond
     * the four core ones (and the QA reviewer) use this to reach their model.
     */
    Optional<ModelClient> chatModel(String role, PersonaContext ctx);
}
