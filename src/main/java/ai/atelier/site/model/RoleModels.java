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
}
