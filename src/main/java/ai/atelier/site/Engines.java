package ai.atelier.site;

import ai.atelier.model.ModelClient;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Runs a role's built-in work. The default runs it as is; a latency-replay engine runs it and
     * then paces and re-counts its calls like the model it simulates, so personas with no engine
     * method of their own (the fine-grained ones) are simulated like the core four.
     */
    default <T> T builtin(String role, PersonaContext ctx, Function<PersonaContext, T> work) {
        return work.apply(ctx);
    }

    /** What this engine simulates, when it is a simulation (a latency replay); empty for real runs, so reports can label it. */
    default Optional<String> simulation() {
        return Optional.empty();
    }
}
