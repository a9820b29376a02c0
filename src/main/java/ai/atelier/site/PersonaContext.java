package ai.atelier.site;

import ai.atelier.model.CallMeter;
import ai.atelier.model.TokenCounter;
import java.util.concurrent.ExecutorService;

/**
 * What a persona may use during one step: its role name, the model it is bound to (the built-in
 * engine when none), the meter that records its calls, an executor for fan-out, the prompt
 * library and a tokenizer. Handed in by the orchestrator; personas hold no other state.
 */
public record PersonaContext(String role, String model, CallMeter meter, ExecutorService executor,
                             Prompts prompts, TokenCounter tokens) {}
