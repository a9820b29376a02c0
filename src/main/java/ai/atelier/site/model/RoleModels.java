package ai.atelier.site.model;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.site.PersonaContext;
import java.util.List;

/**
 * What a model-backed persona may call: its role's chat models (its own first, then the larger
 * tiers of its escalation ladder), and image models, each metered into the step's meter and behind
 * the budget, retry and concurrency rules. {@code ConfiguredEngines} provides it.
 */
public interface RoleModels {
    List<ModelClient> ladder(String role, PersonaContext ctx);

    ImageClient images(String role, PersonaContext ctx);

    /** The output token cap configured for the role's model. */
    int maxOutputTokens(String role);

    /** The context window of the role's model in tokens, when known. */
    default java.util.OptionalInt contextWindow(String role) {
        return java.util.OptionalInt.empty();
    }

    /** A prompt's size in tokens on the role's model (its server's tokenizer where it has one, else an estimate). */
    default long promptTokens(String role, String system, String user) {
        ai.atelier.model.TokenCounter t = new ai.atelier.model.TokenCounter();
        return t.count(system) + t.count(user);
    }
}
