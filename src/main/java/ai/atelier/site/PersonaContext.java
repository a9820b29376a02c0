package ai.atelier.site;

import ai.atelier.model.CallMeter;
import ai.atelier.model.TokenCounter;
import ai.atelier.telemetry.Telemetry;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What a persona may use during one step: its role name, the model it is bound to (the built-in
 * engine when none), the meter that records its calls, an executor for fan-out, the prompt
 * library, a tokenizer, and QA's feedback when the step runs again to revise its work (empty on a
 * first attempt), and the run's telemetry (model pipelines add their chat spans through it).
 * Handed in by the orchestrator; personas hold no other state.
 */
public record PersonaContext(String role, String model, CallMeter meter, ExecutorService executor,
                             Prompts prompts, TokenCounter tokens, List<String> feedback, Telemetry telemetry) {
    public PersonaContext {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        telemetry = telemetry == null ? Telemetry.off() : telemetry;
    }

    /** A context with telemetry off. */
    public PersonaContext(String role, String model, CallMeter meter, ExecutorService executor, Prompts prompts, TokenCounter tokens,
                          List<String> feedback) {
        this(role, model, meter, executor, prompts, tokens, feedback, Telemetry.off());
    }

    /** The same context for a revision round with QA's feedback. */
    public PersonaContext withFeedback(List<String> qaFeedback) {
        return new PersonaContext(role, model, meter, executor, prompts, tokens, qaFeedback, telemetry);
    }
}
