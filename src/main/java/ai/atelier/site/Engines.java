package ai.atelier.site;

import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which implementation plays each role: the built-in engine, or a model the configuration binds to
 * that role. The workflow asks for personas by role and never knows which engine answers. An
 * implementation provides the four persona factories and, when roles may run on models,
 * {@link #model}; everything else follows from those: a persona that is not one of the four asks
 * for its role's model and runs its built-in rules when the role has none.
 */
public interface Engines {
    /** The model name of a role on the built-in engine. */
    String BUILTIN = "builtin";

    Personalizer personalizer(String role);

    Artist artist(String role);

    FrontEndDeveloper developer(String role);

    SiteGenerator siteGenerator(String role);

    /** The model the configuration binds to {@code role}; empty when the role runs on the built-in engine. */
    default Optional<RoleModel> model(String role) {
        return Optional.empty();
    }

    /** The model name a role is bound to ({@value #BUILTIN} for the built-in engine). */
    default String modelFor(String role) {
        return model(role).map(RoleModel::name).orElse(BUILTIN);
    }

    /**
     * A chat client for a role bound to a model, whose calls are metered into {@code ctx}'s meter
     * and escalate to larger tiers when a call fails; empty on the built-in engine. Shorthand for
     * {@code model(role).map(m -> m.chat(ctx))}.
     */
    default Optional<ModelClient> chatModel(String role, PersonaContext ctx) {
        return model(role).map(m -> m.chat(ctx));
    }

    /** The role's escalation ladder for a structured answer; empty on the built-in engine. Shorthand for {@link RoleModel#ladder}. */
    default List<ModelClient> chatLadder(String role, PersonaContext ctx) {
        return model(role).map(m -> m.ladder(ctx)).orElse(List.of());
    }

    /** The output token cap for a role's model calls. */
    default int maxOutputTokens(String role) {
        return model(role).map(RoleModel::maxOutputTokens).orElse(ModelSpec.DEFAULT_MAX_OUTPUT_TOKENS);
    }

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
