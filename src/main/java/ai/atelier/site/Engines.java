package ai.atelier.site;

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
}
