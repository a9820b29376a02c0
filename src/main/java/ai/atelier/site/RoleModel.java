package ai.atelier.site;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import java.util.List;
import java.util.OptionalInt;

/**
 * The model a configuration binds to one role, as a persona sees it: all a model-backed persona
 * asks for, by role and nothing else. Its clients are metered into the step's meter (from the
 * {@link PersonaContext}) and sit behind the budget, retry and concurrency rules; the escalation
 * ladder is the role's own model first, then the larger ones the config lists for it. A role with
 * no model runs on the built-in engine ({@link Engines#model} is empty).
 */
public interface RoleModel {
    /** The configured model's name (as in the config and the trace). */
    String name();

    /** A client for free-text calls; a call that fails for good escalates up the ladder. */
    ModelClient chat(PersonaContext ctx);

    /** The escalation ladder for structured answers: own model first, then larger tiers. */
    List<ModelClient> ladder(PersonaContext ctx);

    /** The role's image model (fails with a one-line error when the model draws no images). */
    ImageClient images(PersonaContext ctx);

    /** The output token cap for the role's calls. */
    int maxOutputTokens();

    /** The model's context window in tokens, when known. */
    OptionalInt contextWindow();

    /** A prompt's size in tokens on this model (its server's tokenizer where it has one, else an estimate). */
    long promptTokens(String system, String user);
}
